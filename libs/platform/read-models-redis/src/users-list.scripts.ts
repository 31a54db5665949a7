/**
 * Lua run by Redis as one atomic step per write: compare the row's last applied position for the
 * write's source stream, then write data and position together, or do nothing.
 * Positions are integers below 2^53, exact in Lua's doubles.
 */

/** KEYS: row hash, account's list index. ARGV: position field, position, userId, field/value pairs. */
export const upsertUserScript = `
local applied = redis.call('HGET', KEYS[1], ARGV[1])
if applied and tonumber(applied) >= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2], unpack(ARGV, 4))
if redis.call('HEXISTS', KEYS[1], 'createdAt') == 1 then
  redis.call('ZADD', KEYS[2], 0, ARGV[3])
end
return 1
`;

/**
 * KEYS: row hash. ARGV: position field, position, roleId, '1' to enable or '0' to disable.
 * Roles are a JSON array in the row: an enabled role keeps its place, a new one goes last.
 * cjson encodes an empty table as {}, so the empty list is written out by hand.
 */
export const toggleRoleScript = `
local applied = redis.call('HGET', KEYS[1], ARGV[1])
if applied and tonumber(applied) >= tonumber(ARGV[2]) then return 0 end
local stored = redis.call('HGET', KEYS[1], 'roles')
local roles = {}
local present = false
for _, role in ipairs(stored and cjson.decode(stored) or {}) do
  if role == ARGV[3] then present = true end
  if role ~= ARGV[3] or ARGV[4] == '1' then roles[#roles + 1] = role end
end
if ARGV[4] == '1' and not present then roles[#roles + 1] = ARGV[3] end
local encoded = '[]'
if #roles > 0 then encoded = cjson.encode(roles) end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2], 'roles', encoded)
return 1
`;
