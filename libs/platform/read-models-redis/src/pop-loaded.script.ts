/**
 * Pops up to ARGV[2] ids from the head of a rebuild's loaded list (KEYS[1]) and returns them with their
 * rows' hashes as one JSON text, `[id, [field, value, …], …]` (see indexLoadedAccount). ARGV[1]: key base.
 * One text rather than a reply element per field: decoding fifty elements a row was a third of a
 * rebuild's indexing cost in the client, where one JSON.parse a chunk costs little.
 */
export const popLoadedScript = (): string => `
local base = ARGV[1]
local out = {}
-- LPOP with a count answers nil (false in Lua) once the list is empty.
for at, id in ipairs(redis.call('LPOP', KEYS[1], ARGV[2]) or {}) do
  out[2 * at - 1] = id
  out[2 * at] = redis.call('HGETALL', base .. 'row:' .. id)
end
if #out == 0 then return '[]' end
return cjson.encode(out)
`;
