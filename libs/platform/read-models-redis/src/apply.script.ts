import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';
import { indexWritesLua } from './index-writes.lua';
import { entriesLua } from './row-entries.lua';
import { rowRecordsLua } from './row-records.lua';

/**
 * Applies many writes to one account's generation in one run. KEYS: any key of the account's slot.
 * ARGV: key base, then per write: row id, position field, position, and 'u', pair count, column/value
 * pairs (JSON values and _n: keys), or 't', list column, item, '1' to add / '0' to remove.
 * Each row is read once and written once per run however many writes it gets (once listed, its CSV line
 * and JSON record in the account's `csv` and `json` hashes made again); its index entries are
 * diffed once, and the index keys then change with one command per key (unpack stays under Lua's stack
 * limit). A write at or below its stream's position is skipped; all of it happens, or none.
 */
export const applyScript = (declaration: ReadModelDeclaration): string => `${entriesLua(declaration)}
${rowRecordsLua}
local base = ARGV[1]
${indexWritesLua}
local rows, order = {}, {}
local i = 2
while i <= #ARGV do
  local id, field, position, kind = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2]), ARGV[i + 3]
  local row = rows[id]
  if not row then
    local old = hashOf(base .. 'row:' .. id)
    local new = {}
    for name, value in pairs(old) do new[name] = value end
    row = { old = old, new = new, changed = {} }
    rows[id] = row
    order[#order + 1] = id
  end
  local new = row.new
  local applied = new[field]
  local fresh = not applied or tonumber(applied) < position
  if kind == 't' then
    local column, item, add = ARGV[i + 4], ARGV[i + 5], ARGV[i + 6] == '1'
    i = i + 7
    if fresh then
      new[column] = toggledList(new[column], item, add)
      row.changed[column] = true
    end
  else
    local pairsEnd = i + 5 + 2 * tonumber(ARGV[i + 4])
    if fresh then
      for j = i + 5, pairsEnd - 1, 2 do
        new[ARGV[j]] = ARGV[j + 1]
        row.changed[ARGV[j]] = true
      end
    end
    i = pairsEnd
  end
  if fresh then
    new[field] = tostring(position)
    row.changed[field] = true
  end
end

local checked = { '_s', '_t' }
local removed, added = {}, {}
for _, id in ipairs(order) do
  local row = rows[id]
  if next(row.changed) then
    local affected = affectedBy(row.changed)
    local before = entries(base, id, row.old, affected)
    local after, s, t = entries(base, id, row.new, affected)
    if s and (s ~= row.new._s or t ~= row.new._t) then
      row.new._s, row.new._t = s, t
      row.changed._s, row.changed._t = true, true
    end
    if row.new[spec.listedBy] then
      redis.call('HSET', base .. 'json', id, jsonFieldsOf(row.new))
      if #csvCells > 0 then redis.call('HSET', base .. 'csv', id, csvLineOf(row.new)) end
    end
    -- _s and _t first: a new field goes to the end of the row's listpack, which HMGET reads from the
    -- start, and every candidate check reads these two.
    local changes = {}
    for _, name in ipairs(checked) do
      if row.changed[name] then
        changes[#changes + 1] = name
        changes[#changes + 1] = row.new[name]
      end
    end
    for name in pairs(row.changed) do
      if name ~= '_s' and name ~= '_t' then
        changes[#changes + 1] = name
        changes[#changes + 1] = row.new[name]
      end
    end
    redis.call('HSET', base .. 'row:' .. id, unpack(changes))
    for key, members in pairs(before) do
      local kept = after[key] or {}
      for member in pairs(members) do if not kept[member] then collect(removed, key, member) end end
    end
    for key, members in pairs(after) do
      local had = before[key] or {}
      for member in pairs(members) do if not had[member] then collect(added, key, member) end end
    end
  end
end

flush(removed, added)
return #order
`;
