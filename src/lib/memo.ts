/**
 * `compute` made to run once per object: later calls with the same object return the first result,
 * which is forgotten with the object. For indexes built from data that many callers read (an episode's
 * segments by second, a site's edges by target), so that each is built once however often it is asked.
 */
export function oncePerObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const results = new WeakMap<K, V>();
  return (key) => {
    if (results.has(key)) return results.get(key) as V;
    const value = compute(key);
    results.set(key, value);
    return value;
  };
}
