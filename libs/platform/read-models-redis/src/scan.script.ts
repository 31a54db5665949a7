import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';
import { checksLua } from './query-checks.lua';

/**
 * One chunk of an export. KEYS: any key of the account's slot. ARGV: key base, the query as JSON (with
 * `limit` rows at most, `budget` candidates at most, `columns` to return or none for all; or `csv` for
 * the rows' CSV lines). Walks the sort order from the cursor, checks each candidate from its member's walk
 * record, and returns { the next chunk's start (a position, see positionOf) or false, rows } where rows is one JSON array of row objects, built from the stored JSON values
 * as they are (the client parses a chunk once instead of a reply element per field), or the lines joined.
 */
export const scanScript = (declaration: ReadModelDeclaration): string => `${checksLua(declaration)}
local predicates = search ~= '' or #q.anyOf > 0 or #q.ranges > 0
-- With q.csv, the rows' ready CSV lines joined (read with one HMGET per 1000): the export passes the text
-- on as it is.
local function csvLines()
  local ids, rows = {}, { count = 0 }
  function rows.add(id)
    rows.count = rows.count + 1
    ids[rows.count] = id
  end
  function rows.text()
    local out = {}
    for from = 1, #ids, 1000 do
      out[#out + 1] = table.concat(redis.call('HMGET', base .. 'csv', unpack(ids, from, math.min(from + 999, #ids))))
    end
    return table.concat(out)
  end
  return rows
end
local rows = q.csv and csvLines() or rowsJson(q.columns)
local function done(last) return { last and positionOf(last) or false, rows.text() } end

local examined, last = 0, nil
local from, to = walkBounds(q.after)
local sortSet = base .. 'sort:' .. q.sort
while rows.count < q.limit and examined < q.budget do
  local chunk = rangeOf(sortSet, from, to, math.min(predicates and 500 or q.limit - rows.count, q.budget - examined))
  if #chunk == 0 then return done(nil) end
  for _, member in ipairs(chunk) do
    examined = examined + 1
    last = member
    if not predicates or walkCheck(member) then
      rows.add(idOf(member))
      if rows.count == q.limit then break end
    end
  end
  if q.desc then to = '(' .. last else from = '(' .. last end
end
return done(last)
`;
