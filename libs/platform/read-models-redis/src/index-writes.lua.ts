/**
 * Lua that gathers index members a script run adds or removes (`collect(into, key, member)`) and then
 * changes each index key with one command per 3000 members (`flush(removed, added)`): unpack stays under
 * Lua's stack limit, and a set or sorted set takes its members in a few large commands.
 */
export const indexWritesLua = `
local function isSet(key) return string.sub(key, #base + 1, #base + 4) == 'set:' end
local function collect(into, key, member)
  local list = into[key]
  if not list then list = {} into[key] = list end
  list[#list + 1] = member
end
local function flush(removed, added)
  local chunk = 3000
  local function each(lists, run)
    for key, members in pairs(lists) do
      for from = 1, #members, chunk do run(key, members, from, math.min(from + chunk - 1, #members)) end
    end
  end
  each(removed, function(key, members, from, to)
    redis.call(isSet(key) and 'SREM' or 'ZREM', key, unpack(members, from, to))
  end)
  each(added, function(key, members, from, to)
    if isSet(key) then
      redis.call('SADD', key, unpack(members, from, to))
    else
      local args = {}
      for j = from, to do args[#args + 1] = 0 args[#args + 1] = members[j] end
      redis.call('ZADD', key, unpack(args))
    end
  end)
end
`;
