import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';
import { indexWritesLua } from './index-writes.lua';
import { entriesLua } from './row-entries.lua';
import { rowRecordsLua } from './row-records.lua';

/**
 * Indexes up to `count` rows the load script wrote (see ReadModelStore.indexLoaded). KEYS: the account's
 * set of loaded rows. ARGV: key base, count. Pops that many ids, reads each row, sets its _s and _t, and
 * adds every index member, JSON record and CSV line with one command per index key or record hash (and
 * 3000 members). Returns the number of rows indexed: fewer than `count` once the set is empty.
 */
export const indexScript = (declaration: ReadModelDeclaration): string => `${entriesLua(declaration)}
${rowRecordsLua}
local base, count = ARGV[1], tonumber(ARGV[2])
${indexWritesLua}
local added, json, lines = {}, {}, {}
local ids = redis.call('SPOP', KEYS[1], count)
for _, id in ipairs(ids) do
  local key = base .. 'row:' .. id
  local h = hashOf(key)
  local out, s, t = entries(base, id, h, nil)
  if s then
    redis.call('HSET', key, '_s', s, '_t', t)
    json[#json + 1] = id
    json[#json + 1] = jsonFieldsOf(h)
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
for name, records in pairs({ json = json, csv = lines }) do
  for from = 1, #records, 6000 do
    redis.call('HSET', base .. name, unpack(records, from, math.min(from + 5999, #records)))
  end
end
return #ids
`;
