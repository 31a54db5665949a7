import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';
import { entriesLua } from './row-entries.lua';

/**
 * Bulk writes of a rebuild into a generation nobody else writes, in store order (see ReadModelStore.load).
 * KEYS: the account's list of loaded rows to index. ARGV: key base, and the apply script's write arguments
 * as one JSON array.
 * No position is checked and no index touched: each row's writes of the run are merged, a list column read
 * once if toggled, and the row written with one HSET (positions included, so live writes after the switch
 * stay idempotent). Rows the run lists are appended to the loaded list, which indexLoaded empties from its
 * head (loaded-rows-indexer.ts): rows are indexed in the order the store listed them, so their records and
 * sort members are allocated in that order, which is creation order in a store appended as time goes.
 */
export const loadScript = (declaration: ReadModelDeclaration): string => `${entriesLua(declaration)}
local base, a = ARGV[1], cjson.decode(ARGV[2])
local rows, order = {}, {}
local i = 1
while i <= #a do
  local id, field, position, kind = a[i], a[i + 1], a[i + 2], a[i + 3]
  local row = rows[id]
  if not row then
    row = {}
    rows[id] = row
    order[#order + 1] = id
  end
  if kind == 't' then
    local column, item, add = a[i + 4], a[i + 5], a[i + 6] == '1'
    i = i + 7
    if row[column] == nil then row[column] = redis.call('HGET', base .. 'row:' .. id, column) or nil end
    row[column] = toggledList(row[column], item, add)
  else
    local pairsEnd = i + 5 + 2 * tonumber(a[i + 4])
    for j = i + 5, pairsEnd - 1, 2 do row[a[j]] = a[j + 1] end
    i = pairsEnd
  end
  row[field] = tostring(position)
end

local listed = {}
for _, id in ipairs(order) do
  local row, fields = rows[id], {}
  -- A listed row's _s and _t first (indexLoaded fills them): a check reads them from the start.
  if row[spec.listedBy] then
    listed[#listed + 1] = id
    fields[1], fields[2], fields[3], fields[4] = '_s', '', '_t', ''
  end
  for name, value in pairs(row) do
    fields[#fields + 1] = name
    fields[#fields + 1] = value
  end
  redis.call('HSET', base .. 'row:' .. id, unpack(fields))
end
for from = 1, #listed, 3000 do redis.call('RPUSH', KEYS[1], unpack(listed, from, math.min(from + 2999, #listed))) end
return #order
`;
