/**
 * iCalendar (RFC 5545) for one event, built as text: CRLF line ends, content lines folded at 75
 * octets without splitting a UTF-8 character (§3.1), TEXT values escaped (§3.3.11), and the event's
 * times given in Bishkek time with a VTIMEZONE (UTC+6 all year, so one STANDARD rule and no DST).
 */
import { utcToBishkek } from '../calendar/index.js';

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line into chunks of at most 75 octets (continuations start with a space). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    // The first line may hold 75 octets; a continuation holds 74 after its leading space.
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const basic = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function local(instant: string): string {
  const b = utcToBishkek(instant);
  return `${b.date.replace(/-/g, '')}T${b.time.replace(':', '')}00`;
}

export interface CalendarEvent {
  uid: string;
  url: string;
  summary: string;
  description: string;
  location: string;
  startsAt: string;
  endsAt: string;
  updatedAt: string;
  sequence: number;
  language: string;
}

export function eventCalendar(e: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Achyk//Statements and events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Bishkek',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0600',
    'TZOFFSETTO:+0600',
    'TZNAME:+06',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${basic(e.updatedAt)}`,
    `DTSTART;TZID=Asia/Bishkek:${local(e.startsAt)}`,
    `DTEND;TZID=Asia/Bishkek:${local(e.endsAt)}`,
    `SEQUENCE:${e.sequence}`,
    `SUMMARY;LANGUAGE=${e.language}:${escapeText(e.summary)}`,
    ...(e.description ? [`DESCRIPTION;LANGUAGE=${e.language}:${escapeText(e.description)}`] : []),
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    `URL:${e.url}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
