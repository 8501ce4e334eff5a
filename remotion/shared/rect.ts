export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function rect(x: number, y: number, width: number, height: number): Rect {
  return { x, y, width: Math.max(0, width), height: Math.max(0, height) };
}

export function right(r: Rect): number {
  return r.x + r.width;
}

export function bottom(r: Rect): number {
  return r.y + r.height;
}

/** True when the two rectangles share interior area (touching edges do not count). */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x < right(b) && b.x < right(a) && a.y < bottom(b) && b.y < bottom(a);
}

export function intersection(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return rect(x, y, Math.min(right(a), right(b)) - x, Math.min(bottom(a), bottom(b)) - y);
}

export function inset(r: Rect, dx: number, dy: number = dx): Rect {
  return rect(r.x + dx, r.y + dy, r.width - 2 * dx, r.height - 2 * dy);
}

export function area(r: Rect): number {
  return r.width * r.height;
}

/** CSS for absolutely positioning an element at this rectangle. */
export function rectStyle(r: Rect): { position: 'absolute'; left: number; top: number; width: number; height: number } {
  return { position: 'absolute', left: r.x, top: r.y, width: r.width, height: r.height };
}
