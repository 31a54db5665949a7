import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';
import { indexWritesLua } from './index-writes.lua';
import { entriesLua } from './row-entries.lua';

/**
 * Indexes up to `count` rows the load script wrote (see ReadModelStore.indexLoaded). KEYS: the account's
 * set of loaded rows. ARGV: key base, count. Pops that many ids, reads only the fields indexes are made of,
 * sets each row's _s and _t, and adds every index member and CSV line with one command per index key
 * (and 3000 members). Returns the number of rows indexed: fewer than `count` once the set is empty.
 */
export const indexScript = (declaration: ReadModelDeclaration): string => `${entriesLua(declaration)}
local base, count = ARGV[1], tonumber(ARGV[2])
${indexWritesLua}
local fields, known = {}, {}
local function need(name)
  if not known[name] then known[name] = true fields[#fields + 1] = name end
end
need(spec.listedBy)
for _, index in pairs(spec.sets) do need(index.column) end
for column in pairs(spec.columns) do need('_n:' .. column) end
for _, cell in ipairs(csvCells) do
  for _, column in ipairs(cell.columns) do need(column) end
  if cell.whenSet then need(cell.whenSet.column) end
end

local added, lines = {}, {}
local ids = redis.call('SPOP', KEYS[1], count)
for _, id in ipairs(ids) do
  local key = base .. 'row:' .. id
  local values = redis.call('HMGET', key, unpack(fields))
  local h = {}
  for f, name in ipairs(fields) do h[name] = values[f] or nil end
  local out, memberships, terms = entries(base, id, h, nil)
  if memberships then
    table.sort(memberships)
    local s, t = '|' .. table.concat(memberships, '|') .. '|', '\\n' .. table.concat(terms, '\\n')
    redis.call('HSET', key, '_s', s, '_t', t)
    if #csvCells > 0 then
      lines[#lines + 1] = id
      lines[#lines + 1] = csvLineOf(h)
    end
    for index, members in pairs(out) do
      for member in pairs(members) do collect(added, index, member) end
    end
  end
end
flush({}, added)
for from = 1, #lines, 6000 do redis.call('HSET', base .. 'csv', unpack(lines, from, math.min(from + 5999, #lines))) end
return #ids
`;
