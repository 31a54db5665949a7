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
if columns then for i, column in ipairs(columns) do encoded[i] = ',' .. cjson.encode(column) .. ':' end end
local predicates = search ~= '' or #q.anyOf > 0 or #q.ranges > 0

-- Every piece of the chunk's JSON goes into one table, joined once: no string per row or per column.
local out, rows = { '[' }, 0
local function addRow(id)
  local key = base .. 'row:' .. id
  out[#out + 1] = rows > 0 and ',{"id":' or '{"id":'
  out[#out + 1] = cjson.encode(id)
  if columns then
    local values = redis.call('HMGET', key, unpack(columns))
    for i = 1, #columns do
      local value = values[i]
      if value then
        out[#out + 1] = encoded[i]
        out[#out + 1] = value
      end
    end
  else
    local flat = redis.call('HGETALL', key)
    for i = 1, #flat, 2 do
      if string.byte(flat[i]) ~= 95 then
        out[#out + 1] = ',' .. cjson.encode(flat[i]) .. ':'
        out[#out + 1] = flat[i + 1]
      end
    end
  end
  out[#out + 1] = '}'
  rows = rows + 1
end
local function done(last)
  out[#out + 1] = ']'
  return { last, table.concat(out) }
end

local examined, last = 0, nil
local from, to = '-', '+'
if q.after then
  if q.desc then to = '(' .. q.after else from = '(' .. q.after end
end
local sortSet = base .. 'sort:' .. q.sort
while rows < q.limit and examined < q.budget do
  local chunk = rangeOf(sortSet, from, to, math.min(predicates and 500 or q.limit - rows, q.budget - examined))
  if #chunk == 0 then return done(false) end
  for _, member in ipairs(chunk) do
    examined = examined + 1
    last = member
    local id = idOf(member)
    if not predicates or check(id) then
      addRow(id)
      if rows == q.limit then break end
    end
  end
  if q.desc then to = '(' .. last else from = '(' .. last end
end
return done(last or false)
`;
