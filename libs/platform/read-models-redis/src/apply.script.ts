import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';
import { entriesLua } from './row-entries.lua';

/**
 * KEYS: the row hash. ARGV: key base of the account's generation, row id, position field, position, then
 * 'u' and column/value pairs (JSON values and _n: keys), or 't', list column, item, '1' to add / '0' to remove.
 * The check, the row and its index entries change together, or nothing does.
 */
export const applyScript = (declaration: ReadModelDeclaration): string => `${entriesLua(declaration)}
local base, id = ARGV[1], ARGV[2]
local applied = redis.call('HGET', KEYS[1], ARGV[3])
if applied and tonumber(applied) >= tonumber(ARGV[4]) then return 0 end
local old = hashOf(KEYS[1])
local new = {}
for field, value in pairs(old) do new[field] = value end
local changes = { ARGV[3], ARGV[4] }
if ARGV[5] == 't' then
  local column, item, add = ARGV[6], ARGV[7], ARGV[8] == '1'
  local items, present = {}, false
  for _, existing in ipairs(old[column] and cjson.decode(old[column]) or {}) do
    if existing == item then present = true end
    if existing ~= item or add then items[#items + 1] = existing end
  end
  if add and not present then items[#items + 1] = item end
  -- cjson encodes an empty table as {}, so the empty list is written out by hand.
  local encoded = '[]'
  if #items > 0 then encoded = cjson.encode(items) end
  new[column] = encoded
  changes[#changes + 1] = column
  changes[#changes + 1] = encoded
else
  for i = 6, #ARGV, 2 do
    new[ARGV[i]] = ARGV[i + 1]
    changes[#changes + 1] = ARGV[i]
    changes[#changes + 1] = ARGV[i + 1]
  end
end
redis.call('HSET', KEYS[1], unpack(changes))
local before, after = entries(base, id, old), entries(base, id, new)
for tag, entry in pairs(before) do
  if not after[tag] then redis.call(entry[1] == 'set' and 'SREM' or 'ZREM', entry[2], entry[3]) end
end
for tag, entry in pairs(after) do
  if not before[tag] then
    if entry[1] == 'set' then redis.call('SADD', entry[2], entry[3]) else redis.call('ZADD', entry[2], 0, entry[3]) end
  end
end
return 1
`;
