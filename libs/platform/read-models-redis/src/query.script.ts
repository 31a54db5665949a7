import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';
import { entriesLua } from './row-entries.lua';

/**
 * KEYS: the account generation's scratch sorted set. ARGV: key base, the query as JSON.
 * Without predicates a page is a range of the sort index. With predicates the smallest source of
 * candidates (the search range, a set group, a key range) is read, every predicate checked on each
 * candidate, and the matches ranked in the scratch set, which gives the total and the page, then goes —
 * or, with `keep`, stays under that key (same account slot, an hour at most) for an export to page through.
 * Returns { total, more, member, row hash, member, row hash, ... }.
 */
export const queryScript = (declaration: ReadModelDeclaration): string => `${entriesLua(declaration)}
local base, q = ARGV[1], cjson.decode(ARGV[2])
local walkFrom = q.walkFrom or 5000
local search = q.search or ''
local scratch = KEYS[1]

-- Byte order, as Redis orders members; Lua's own < follows the server's locale.
local function lte(a, b)
  local n = math.min(#a, #b)
  for i = 1, n do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a <= #b
end

local function idOf(member) return string.sub(member, string.find(member, '\\0', 1, true) + 1) end

local function page(key)
  local from, to = '-', '+'
  if q.after then from = '(' .. q.after end
  if q.desc then
    if not q.after then from = '+' end
    to = '-'
    return redis.call('ZRANGE', key, from, to, 'BYLEX', 'REV', 'LIMIT', 0, q.limit + 1)
  end
  return redis.call('ZRANGE', key, from, to, 'BYLEX', 'LIMIT', 0, q.limit + 1)
end

local function rangeBounds(range) return '[' .. range.min, '(' .. range.max .. '\\1' end

-- searched: the id came from the search range itself, so the prefix is known to match.
local function matches(id, h, searched)
  if search ~= '' and not searched then
    local found = false
    for _, term in ipairs(termsOf(h)) do
      if string.sub(term, 1, #search) == search then found = true break end
    end
    if not found then return false end
  end
  for _, group in ipairs(q.anyOf) do
    local inGroup = false
    for _, set in ipairs(group) do
      if redis.call('SISMEMBER', base .. 'set:' .. set, id) == 1 then inGroup = true break end
    end
    if not inGroup then return false end
  end
  for _, range in ipairs(q.ranges) do
    local key = sortKeyOf(h, range.sort)
    if not (lte(range.min, key) and lte(key, range.max)) then return false end
  end
  return true
end

local needsRow = search ~= '' or #q.ranges > 0
local function rowIfNeeded(id)
  if needsRow then return hashOf(base .. 'row:' .. id) end
  return {}
end

-- Unselective predicates: walk the order itself from the cursor, keeping matches until the page is full.
local function walk(sortSet)
  local found = {}
  local from, to = '-', '+'
  if q.desc then from, to = '+', '-' end
  if q.after then from = '(' .. q.after end
  while #found <= q.limit do
    local chunk
    if q.desc then
      chunk = redis.call('ZRANGE', sortSet, from, to, 'BYLEX', 'REV', 'LIMIT', 0, 500)
    else
      chunk = redis.call('ZRANGE', sortSet, from, to, 'BYLEX', 'LIMIT', 0, 500)
    end
    if #chunk == 0 then break end
    for _, member in ipairs(chunk) do
      local id = idOf(member)
      if matches(id, rowIfNeeded(id)) then
        found[#found + 1] = member
        if #found > q.limit then break end
      end
    end
    from = '(' .. chunk[#chunk]
  end
  return found
end

-- The total without ranking: SINTERCARD when every predicate is one set, else each candidate checked
-- (its row read only when a range, or a search the driver did not already answer, needs it).
local function countMatches(driver)
  local single = not needsRow
  local readRow = #q.ranges > 0 or (search ~= '' and not driver.searched)
  local keys = {}
  for _, group in ipairs(q.anyOf) do
    if #group ~= 1 then single = false else keys[#keys + 1] = base .. 'set:' .. group[1] end
  end
  if single then return redis.call('SINTERCARD', #keys, unpack(keys)) end
  local count, seen = 0, {}
  local candidates, areMembers = driver.read()
  for _, candidate in ipairs(candidates) do
    local id = areMembers and idOf(candidate) or candidate
    if not seen[id] then
      seen[id] = true
      local h = {}
      if readRow then h = hashOf(base .. 'row:' .. id) end
      if matches(id, h, driver.searched) then count = count + 1 end
    end
  end
  return count
end

local function reply(members, total)
  local out = { total, #members > q.limit and 1 or 0 }
  for i = 1, math.min(#members, q.limit) do
    out[#out + 1] = members[i]
    out[#out + 1] = redis.call('HGETALL', base .. 'row:' .. idOf(members[i]))
  end
  return out
end

local members, total
if search == '' and #q.anyOf == 0 and #q.ranges == 0 then
  members = page(base .. 'sort:' .. q.sort)
  total = redis.call('ZCARD', base .. 'sort:' .. q.sort)
else
  local sources = {}
  if search ~= '' then
    local from, to = '[' .. search, '(' .. search .. '\\255'
    sources[#sources + 1] = {
      size = redis.call('ZLEXCOUNT', base .. 'search', from, to),
      read = function() return redis.call('ZRANGE', base .. 'search', from, to, 'BYLEX'), true end,
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
    local from, to = rangeBounds(range)
    local key = base .. 'sort:' .. range.sort
    sources[#sources + 1] = {
      size = redis.call('ZLEXCOUNT', key, from, to),
      read = function() return redis.call('ZRANGE', key, from, to, 'BYLEX'), true end,
    }
  end
  local driver = sources[1]
  for _, source in ipairs(sources) do if source.size < driver.size then driver = source end end
  local sortSet = base .. 'sort:' .. q.sort
  if not q.keep and driver.size >= walkFrom and driver.size * 4 >= redis.call('ZCARD', sortSet) then
    members = walk(sortSet)
    total = countMatches(driver)
    return reply(members, total)
  end
  local candidates, areMembers = driver.read()
  local seen = {}
  redis.call('DEL', scratch)
  for _, candidate in ipairs(candidates) do
    local id = areMembers and idOf(candidate) or candidate
    if not seen[id] then
      seen[id] = true
      local h = hashOf(base .. 'row:' .. id)
      if matches(id, h) then redis.call('ZADD', scratch, 0, sortKeyOf(h, q.sort) .. '\\0' .. id) end
    end
  end
  total = redis.call('ZCARD', scratch)
  if q.keep then
    -- An export pages through the ranked matches later; an empty result leaves no key to rename.
    if total > 0 then
      redis.call('RENAME', scratch, q.keep)
      redis.call('EXPIRE', q.keep, 3600)
    end
    return { total, 0 }
  end
  members = page(scratch)
  redis.call('DEL', scratch)
end
return reply(members, total)
`;
