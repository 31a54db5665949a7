import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';
import { checksLua } from './query-checks.lua';

/**
 * KEYS: the account generation's scratch sorted set. ARGV: key base, the query as JSON.
 * A candidate is checked with one HMGET (its `_s` memberships, its `_t` terms when searching, the folded
 * keys of the ranges, and of the sort when ranking).
 * The page comes from the cheaper of two plans, costed with ZCARD, SCARD and ZLEXCOUNT:
 * - read: the smallest candidate source (search range, set group, key range) is read whole, its matches
 *   ranked in the scratch set (page and exact total from it), then deleted;
 * - walk: the sort order is walked from the cursor, candidates checked until the page is full, so the cost
 *   follows page size ÷ selectivity; each from the walk record its member carries, with no read of the row
 *   but for ranges, and members read about as many at a time as the page still needs. At most `walkBudget`
 *   candidates per run: a sparse query answers a short page whose `next` member resumes the walk.
 * The walk's total is exact where a cheap count exists (no predicate: ZCARD; set groups of one set:
 * SCARD / SINTERCARD up to `countCap`; key ranges on one sort: ZLEXCOUNT), where the smallest source
 * holds at most `countBudget` candidates, or where a first page's walk reached the end; otherwise it is
 * the matches this run found, a lower bound (the caller adds the rows of earlier pages).
 * Returns { total, 1 when total is a lower bound, more, next position, the rows' positions …, their stored
 * JSON records … }: positions are members without their walk record (see positionOf), so a cursor holds no
 * more than the row's place; a record is the row's JSON object without its braces and id.
 */
export const queryScript = (declaration: ReadModelDeclaration): string => `${checksLua(declaration)}
local walkBudget, countBudget, countCap = q.walkBudget or 5000, q.countBudget or 1000, q.countCap or 10000
local scratch = KEYS[1]
local sortSet = base .. 'sort:' .. q.sort

-- The page's stored JSON records go back as they are, one reply element each: joining them here made the
-- server build one long string per page, which cost it more than the client's join.
local function reply(members, total, atLeast, more, next)
  local out, ids = { total, atLeast and 1 or 0, more and 1 or 0, next and positionOf(next) or false }, {}
  for i = 1, math.min(#members, q.limit) do
    out[#out + 1] = positionOf(members[i])
    ids[i] = idOf(members[i])
  end
  if #ids > 0 then
    for _, record in ipairs(redis.call('HMGET', base .. 'json', unpack(ids))) do out[#out + 1] = record end
  end
  return out
end

-- Every candidate source with its size; the smallest drives.
local sources = {}
if search ~= '' then
  -- The search index, and the sorts that hold whole search terms (see termsOf): one source.
  local from, to = '[' .. search, '(' .. search .. '\\255'
  local keys, size = { base .. 'search' }, 0
  for _, sort in pairs(coveredBy) do
    local key = base .. 'sort:' .. sort
    local known = false
    for _, existing in ipairs(keys) do if existing == key then known = true end end
    if not known then keys[#keys + 1] = key end
  end
  for _, key in ipairs(keys) do size = size + redis.call('ZLEXCOUNT', key, from, to) end
  sources[#sources + 1] = {
    size = size,
    read = function(count)
      local members = {}
      for _, key in ipairs(keys) do
        for _, member in ipairs(redis.call('ZRANGE', key, from, to, 'BYLEX', 'LIMIT', 0, count)) do
          members[#members + 1] = member
        end
      end
      return members, true
    end,
    searched = true,
  }
end
for _, group in ipairs(q.anyOf) do
  local size = 0
  for _, set in ipairs(group) do size = size + redis.call('SCARD', base .. 'set:' .. set) end
  sources[#sources + 1] = {
    size = size,
    read = function()
      local ids = {}
      for _, set in ipairs(group) do
        for _, id in ipairs(redis.call('SMEMBERS', base .. 'set:' .. set)) do ids[#ids + 1] = id end
      end
      return ids, false
    end,
  }
end
for _, range in ipairs(q.ranges) do
  local key, from, to = base .. 'sort:' .. range.sort, '[' .. range.min, '(' .. range.max .. '\\1'
  sources[#sources + 1] = {
    size = redis.call('ZLEXCOUNT', key, from, to),
    read = function(count) return redis.call('ZRANGE', key, from, to, 'BYLEX', 'LIMIT', 0, count), true end,
  }
end
-- The walk's quick tests follow the sources' order (search, then the set groups): smallest first.
do
  local sized = {}
  for i, group in ipairs(quick) do sized[i] = { group = group, size = sources[i].size } end
  table.sort(sized, function(a, b) return a.size < b.size end)
  for i, entry in ipairs(sized) do quick[i] = entry.group end
end
local rows = redis.call('ZCARD', sortSet)
local driver = sources[1]
for _, source in ipairs(sources) do if source.size < driver.size then driver = source end end

-- Read: rank the driver's matches, for an exact total and the page after the cursor.
local readUpTo = math.min(q.readUpTo or walkBudget, (q.limit + 1) * rows / math.max(driver and driver.size or 1, 1))
if driver and driver.size <= readUpTo then
  local candidates, areMembers = driver.read(driver.size)
  local seen, total, ranked = {}, 0, {}
  for _, candidate in ipairs(candidates) do
    local id = areMembers and idOf(candidate) or candidate
    if not seen[id] then
      seen[id] = true
      local h = check(id, driver.searched, true)
      if h then
        total = total + 1
        local member = sortKeyOf(h, q.sort) .. '\\0' .. id
        if not q.after or (q.desc and not lte(q.after, member)) or (not q.desc and not lte(member, q.after)) then
          ranked[#ranked + 1] = 0
          ranked[#ranked + 1] = member
        end
      end
    end
  end
  redis.call('DEL', scratch)
  -- One ZADD per 3000 matches: unpack stays under Lua's stack limit.
  for from = 1, #ranked, 6000 do redis.call('ZADD', scratch, unpack(ranked, from, math.min(from + 5999, #ranked))) end
  local members = rangeOf(scratch, '-', '+', q.limit + 1)
  redis.call('DEL', scratch)
  local more = #members > q.limit
  return reply(members, total, false, more, more and members[q.limit] or nil)
end

-- Walk the order from the cursor.
local found, examined, last = {}, 0, nil
local from, to = walkBounds(q.after)
local exhausted = false
-- Members to read per command: the candidates the rest of the page needs at the selectivity seen so far,
-- or, before any, the product of the sources' shares of the rows (as if independent).
local share = 1
for _, source in ipairs(sources) do share = share * math.min(source.size / math.max(rows, 1), 1) end
while #found <= q.limit and examined < walkBudget do
  if examined > 0 then share = #found / examined end
  local wanted = q.limit + 1 - #found
  if share < 1 then wanted = math.ceil(wanted / math.max(share, 0.001) * 1.2) + 10 end
  local chunk = rangeOf(sortSet, from, to, math.min(wanted, 1000, walkBudget - examined))
  if #chunk == 0 then exhausted = true break end
  for _, member in ipairs(chunk) do
    examined = examined + 1
    last = member
    if walkCheck(member) then
      found[#found + 1] = member
      if #found > q.limit then break end
    end
  end
  if q.desc then to = '(' .. last else from = '(' .. last end
end
local more = #found > q.limit or not exhausted and #found <= q.limit
local next = nil
if #found > q.limit then next = found[q.limit] elseif more then next = last end

-- The total: exact where cheap or where the driver is small, else a lower bound.
local total, atLeast
local singles, setsOnly = {}, search == '' and #q.ranges == 0
for _, group in ipairs(q.anyOf) do
  if #group == 1 then singles[#singles + 1] = base .. 'set:' .. group[1] else setsOnly = false end
end
local rangeSort = #q.ranges > 0 and search == '' and #q.anyOf == 0 and q.ranges[1].sort
for _, range in ipairs(q.ranges) do if range.sort ~= rangeSort then rangeSort = false end end
if not driver then
  total = rows
elseif setsOnly then
  if #singles == 1 then
    total = redis.call('SCARD', singles[1])
  else
    -- unpack gives all its values only as the last argument: before 'LIMIT' it would give one.
    local args = { 'SINTERCARD', #singles }
    for _, key in ipairs(singles) do args[#args + 1] = key end
    args[#args + 1] = 'LIMIT'
    args[#args + 1] = countCap
    total = redis.call(unpack(args))
    atLeast = total >= countCap
  end
elseif rangeSort then
  local min, max = q.ranges[1].min, q.ranges[1].max
  for _, range in ipairs(q.ranges) do
    if lte(min, range.min) then min = range.min end
    if lte(range.max, max) then max = range.max end
  end
  total = lte(min, max) and redis.call('ZLEXCOUNT', base .. 'sort:' .. rangeSort, '[' .. min, '(' .. max .. '\\1') or 0
elseif not q.after and exhausted then
  total = #found
elseif driver.size <= countBudget then
  local candidates, areMembers = driver.read(driver.size)
  local seen = {}
  total = 0
  for _, candidate in ipairs(candidates) do
    local id = areMembers and idOf(candidate) or candidate
    if not seen[id] then
      seen[id] = true
      if check(id, driver.searched) then total = total + 1 end
    end
  end
else
  -- Counting would read the whole driver: the matches this run found are what is known to exist.
  total, atLeast = #found, true
end
return reply(found, total, atLeast, more, next)
`;
