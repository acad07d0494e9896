/**
 * Rescales the directory map's path data (drawn 1000 px wide) to a smaller drawing, rounding to
 * whole pixels and dropping repeated points: the rayon choropleth then stays under the 30 KB page
 * budget without changing the shared map code.
 *
 * @example shrinkPath('M10 10L11 10L20 20Z', 0.5) // 'M5 5L10 10Z'
 */
export function shrinkPath(d: string, k: number): string {
  const out: string[] = [];
  for (const ring of d.split('Z')) {
    if (!ring) continue;
    const nums = ring.match(/-?\d+(?:\.\d+)?/g) ?? [];
    let s = '';
    let last = '';
    let n = 0;
    for (let i = 0; i + 1 < nums.length; i += 2) {
      const p = `${Math.round(Number(nums[i]) * k)} ${Math.round(Number(nums[i + 1]) * k)}`;
      if (p === last) continue;
      s += `${n === 0 ? 'M' : 'L'}${p}`;
      last = p;
      n++;
    }
    if (n >= 3) out.push(`${s}Z`);
  }
  return out.join('');
}
