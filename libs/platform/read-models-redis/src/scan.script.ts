import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';
import { checksLua } from './query-checks.lua';

/**
 * One chunk of an export. KEYS: any key of the account's slot. ARGV: key base, the query as JSON (with
 * `limit` rows at most, `budget` candidates at most, `columns` to return or none for all).
 * Walks the sort order from the cursor, checks each candidate, and returns { next member or false, rows }
 * where rows is one JSON array of row objects, built from the stored JSON values as they are: the client
 * parses a chunk once instead of a reply element per field.
 */
export const scanScript = (declaration: ReadModelDeclaration): string => `${checksLua(declaration)}
local columns = q.columns
local encoded = {}
if columns then for i, column in ipairs(columns) do encoded[i] = cjson.encode(column) .. ':' end end
local predicates = search ~= '' or #q.anyOf > 0 or #q.ranges > 0

local function rowJson(id)
  local key = base .. 'row:' .. id
  local parts = { '{"id":' .. cjson.encode(id) }
  if columns then
    local values = redis.call('HMGET', key, unpack(columns))
    for i = 1, #columns do
      if values[i] then parts[#parts + 1] = encoded[i] .. values[i] end
    end
  else
    local flat = redis.call('HGETALL', key)
    for i = 1, #flat, 2 do
      if string.sub(flat[i], 1, 1) ~= '_' then parts[#parts + 1] = cjson.encode(flat[i]) .. ':' .. flat[i + 1] end
    end
  end
  return table.concat(parts, ',') .. '}'
end

local rows, examined, last = {}, 0, nil
local from, to = '-', '+'
if q.after then
  if q.desc then to = '(' .. q.after else from = '(' .. q.after end
end
local sortSet = base .. 'sort:' .. q.sort
while #rows < q.limit and examined < q.budget do
  local chunk = rangeOf(sortSet, from, to, math.min(predicates and 500 or q.limit - #rows, q.budget - examined))
  if #chunk == 0 then return { false, '[' .. table.concat(rows, ',') .. ']' } end
  for _, member in ipairs(chunk) do
    examined = examined + 1
    last = member
    local id = idOf(member)
    if not predicates or check(id) then
      rows[#rows + 1] = rowJson(id)
      if #rows == q.limit then break end
    end
  end
  if q.desc then to = '(' .. last else from = '(' .. last end
end
return { last or false, '[' .. table.concat(rows, ',') .. ']' }
`;
