/**
 * Lua run inside Redis, so that what must be atomic is: a read that picks the
 * active version and reads it (a switch or drop cannot fall in between), and
 * a commit that checks the checkpoint and writes documents and checkpoint.
 *
 * The read scripts build the version's key from the active pointer, so they
 * touch keys they do not declare: fine on a single Redis (the deployment
 * here), not on Redis Cluster.
 */

/** KEYS: active pointer. ARGV: version key prefix, `:doc:<collection>` suffix, document id. */
export const READ_DOC = `
local version = redis.call('GET', KEYS[1])
if not version then return false end
return redis.call('HGET', ARGV[1] .. version .. ARGV[2], ARGV[3])
`;

/** KEYS: active pointer. ARGV: version key prefix, `:doc:<collection>` suffix. */
export const READ_ALL = `
local version = redis.call('GET', KEYS[1])
if not version then return {} end
return redis.call('HVALS', ARGV[1] .. version .. ARGV[2])
`;

/**
 * KEYS: checkpoint, collection index, then one hash per changed collection.
 * ARGV: mode (any | none | exact), expected checkpoint, new checkpoint,
 * collection count, then per collection: name, put count, delete count,
 * the puts as id/JSON pairs, the deleted ids.
 *
 * Returns {'ok'} or {'mismatch', actual checkpoint or ''}. The check comes
 * before the first write, and Redis refuses a script's first write when it is
 * out of memory, so a refused commit writes nothing. Arguments are unpacked
 * in slices because Lua's stack holds only a few thousand values.
 */
export const COMMIT = `
local current = redis.call('GET', KEYS[1])
if (ARGV[1] == 'none' and current) or (ARGV[1] == 'exact' and current ~= ARGV[2]) then
  return {'mismatch', current or ''}
end
local a = 5
for c = 1, tonumber(ARGV[4]) do
  local key = KEYS[2 + c]
  local puts, dels = tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2])
  redis.call('SADD', KEYS[2], ARGV[a])
  a = a + 3
  local last = a + 2 * puts - 1
  while a <= last do
    local to = math.min(a + 999, last)
    redis.call('HSET', key, unpack(ARGV, a, to))
    a = to + 1
  end
  last = a + dels - 1
  while a <= last do
    local to = math.min(a + 999, last)
    redis.call('HDEL', key, unpack(ARGV, a, to))
    a = to + 1
  end
end
redis.call('SET', KEYS[1], ARGV[3])
return {'ok'}
`;
