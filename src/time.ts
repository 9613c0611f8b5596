/**
 * Publish times as post files write them. ISO 8601 with an offset (`2026-12-01T09:00:00-05:00`)
 * is an instant; without one (`2026-12-01T09:00`, Hootsuite's `12/24/2026 09:00`) it is read as
 * UTC and marked zoneless, so the `schedule` rule can say the time is ambiguous.
 */
export interface PublishTime {
  time?: Date;
  hasZone: boolean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const US_SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/;

function valid(date: Date): Date | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function parsePublishAt(value: unknown): PublishTime {
  if (typeof value !== 'string') return { hasZone: false };
  const text = value.trim();
  const iso = ISO.exec(text);
  if (iso) {
    const [, year, month, day, hour = '00', minute = '00', second = '00', zone] = iso;
    const local = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
    if (zone) return { time: valid(new Date(`${local}${zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`)), hasZone: true };
    return { time: valid(new Date(`${local}Z`)), hasZone: false };
  }
  const slashed = US_SLASHED.exec(text);
  if (slashed) {
    const [, month, day, year, hour = '0', minute = '00'] = slashed;
    return { time: valid(new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute)))), hasZone: false };
  }
  return { hasZone: false };
}
