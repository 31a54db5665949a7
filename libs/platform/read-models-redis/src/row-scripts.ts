import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';

/**
 * Lua run by Redis as one atomic step. Index entries are computed from the declaration (embedded as JSON)
 * exactly as read-model-kit's index-entries.ts computes them; folded keys arrive precomputed in `_n:<column>`
 * fields, since Lua cannot normalise Unicode. Positions are integers below 2^53, exact in Lua's doubles.
 */
const entriesLua = (declaration: ReadModelDeclaration): string => `
local spec = cjson.decode([==[${JSON.stringify(declaration)}]==])

local function decoded(h, column)
  local raw = h[column]
  if raw == nil then return nil end
  return cjson.decode(raw)
end

local function sortKeyOf(h, sort)
  local parts = {}
  for i, column in ipairs(spec.sorts[sort]) do parts[i] = h['_n:' .. column] or '' end
  return table.concat(parts, ' ')
end

local function termsOf(h)
  local terms = {}
  for _, group in ipairs(spec.search) do
    local parts = {}
    for _, column in ipairs(group) do
      local key = h['_n:' .. column]
      if key and key ~= '' then parts[#parts + 1] = key end
    end
    local text = table.concat(parts, ' ')
    if text ~= '' then
      terms[#terms + 1] = text
      local from = 1
      while true do
        local space = string.find(text, ' ', from, true)
        if not space then break end
        terms[#terms + 1] = string.sub(text, space + 1)
        from = space + 1
      end
    end
  end
  return terms
end

-- Every index entry of a row, as tag -> { 'set' or 'zset', key, member }; none until the row is listed.
local function entries(base, id, h)
  local out = {}
  local function add(kind, key, member) out[kind .. key .. '\\0' .. member] = { kind, key, member } end
  if h[spec.listedBy] == nil then return out end
  for name, index in pairs(spec.sets) do
    local value = decoded(h, index.column)
    if index.kind == 'present' then
      if value ~= nil and value ~= cjson.null then add('set', base .. 'set:' .. name .. ':yes', id) end
    elseif index.kind == 'each' then
      for _, item in ipairs(type(value) == 'table' and value or {}) do
        add('set', base .. 'set:' .. name .. ':' .. item, id)
      end
    elseif type(value) == 'string' then
      add('set', base .. 'set:' .. name .. ':' .. value, id)
    end
  end
  for sort in pairs(spec.sorts) do add('zset', base .. 'sort:' .. sort, sortKeyOf(h, sort) .. '\\0' .. id) end
  for _, term in ipairs(termsOf(h)) do add('zset', base .. 'search', term .. '\\0' .. id) end
  return out
end

local function hashOf(key)
  local flat = redis.call('HGETALL', key)
  local h = {}
  for i = 1, #flat, 2 do h[flat[i]] = flat[i + 1] end
  return h
end
`;

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
