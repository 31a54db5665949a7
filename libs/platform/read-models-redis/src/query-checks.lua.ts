import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';
import { entriesLua } from './row-entries.lua';

/**
 * Lua shared by the query and scan scripts, after `q` (the decoded query) and `base` are set: byte-order
 * comparison, and `check(id, searched)`, which tests a candidate against every predicate with one HMGET
 * (its `_s` memberships and the folded keys the search, the ranges and the sort need) and returns those
 * keys when it matches.
 */
export const checksLua = (declaration: ReadModelDeclaration): string => `${entriesLua(declaration)}
local base, q = ARGV[1], cjson.decode(ARGV[2])
local search = q.search or ''
local termStart = '\\n' .. search

-- Byte order, as Redis orders members; Lua's own < follows the server's locale.
local function lte(a, b)
  if a == b then return true end
  local n = math.min(#a, #b)
  for i = 1, n do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a <= #b
end

local function idOf(member) return string.sub(member, string.find(member, '\\0', 1, true) + 1) end

-- The fields a check reads, and where each lands in the HMGET reply.
local fields = { '_s', '_t' }
local function need(column)
  local name = '_n:' .. column
  for _, existing in ipairs(fields) do if existing == name then return end end
  fields[#fields + 1] = name
end
for _, range in ipairs(q.ranges) do for _, c in ipairs(spec.sorts[range.sort]) do need(c) end end
if q.sort then for _, c in ipairs(spec.sorts[q.sort]) do need(c) end end
local needles = {}
for g, group in ipairs(q.anyOf) do
  needles[g] = {}
  for s, set in ipairs(group) do needles[g][s] = '|' .. set .. '|' end
end

-- The row's fields if it matches every predicate (searched: the prefix is known to match), else nil.
local function check(id, searched)
  local values = redis.call('HMGET', base .. 'row:' .. id, unpack(fields))
  local memberships = values[1]
  if not memberships then return nil end
  for _, group in ipairs(needles) do
    local inGroup = false
    for _, needle in ipairs(group) do
      if string.find(memberships, needle, 1, true) then inGroup = true break end
    end
    if not inGroup then return nil end
  end
  if search ~= '' and not searched and not string.find(values[2], termStart, 1, true) then return nil end
  local h = {}
  for i = 3, #fields do h[fields[i]] = values[i] or nil end
  for _, range in ipairs(q.ranges) do
    local key = sortKeyOf(h, range.sort)
    if not (lte(range.min, key) and lte(key, range.max)) then return nil end
  end
  return h
end

local function rangeOf(key, from, to, count)
  if q.desc then return redis.call('ZRANGE', key, to, from, 'BYLEX', 'REV', 'LIMIT', 0, count) end
  return redis.call('ZRANGE', key, from, to, 'BYLEX', 'LIMIT', 0, count)
end
`;
