import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';
import { checksLua } from './query-checks.lua';

/**
 * One chunk of an export. KEYS: any key of the account's slot. ARGV: key base, the query as JSON (with
 * `limit` rows at most, `budget` candidates at most, `columns` to return or none for all; or `csv` for
 * the rows' CSV lines). Walks the sort order from the cursor, checks each candidate, and returns { next
 * member or false, rows } where rows is one JSON array of row objects, built from the stored JSON values
 * as they are (the client parses a chunk once instead of a reply element per field), or the lines joined.
 */
export const scanScript = (declaration: ReadModelDeclaration): string => `${checksLua(declaration)}
local predicates = search ~= '' or #q.anyOf > 0 or #q.ranges > 0
-- With q.csv, the rows' ready CSV lines joined: the export passes the text on as it is.
local function csvLines()
  local out, rows = {}, { count = 0 }
  function rows.add(id)
    rows.count = rows.count + 1
    out[rows.count] = redis.call('HGET', base .. 'csv', id)
  end
  function rows.text() return table.concat(out) end
  return rows
end
local rows = q.csv and csvLines() or rowsJson(q.columns)
local function done(last) return { last, rows.text() } end

local examined, last = 0, nil
local from, to = '-', '+'
if q.after then
  if q.desc then to = '(' .. q.after else from = '(' .. q.after end
end
local sortSet = base .. 'sort:' .. q.sort
while rows.count < q.limit and examined < q.budget do
  local chunk = rangeOf(sortSet, from, to, math.min(predicates and 500 or q.limit - rows.count, q.budget - examined))
  if #chunk == 0 then return done(false) end
  for _, member in ipairs(chunk) do
    examined = examined + 1
    last = member
    local id = idOf(member)
    if not predicates or check(id) then
      rows.add(id)
      if rows.count == q.limit then break end
    end
  end
  if q.desc then to = '(' .. last else from = '(' .. last end
end
return done(last or false)
`;
