/**
 * The Kyrgyz working-day calendar and deadline computation: pure functions, no database, no I/O.
 * The administrator's calendar (stored by the appeals module, `loadCalendar`) is passed in as a
 * {@link CalendarData} value. The calendar also owns Bishkek dates: what day it is in Kyrgyzstan
 * (`kyrgyzDateOf`) and day arithmetic (`addDays`, `workingDaysBetween`). It brings no routes or
 * tables: its manifest only names it.
 *
 * @example
 * import { computeDue, defaultCalendarData, renderExplanation } from './modules/calendar/index.js';
 * const result = computeDue({ from: '2026-03-18', term: 14, unit: 'working', calendar: defaultCalendarData() });
 * result.due; // '2026-04-08'
 * renderExplanation(result.explanation, 'ru');
 *
 * @module
 */
import { defineModule } from '../../platform/manifest/manifest.js';

export {
  defaultCalendarData,
  KURMAN_AIT,
  OROZO_AIT,
  type CalendarData,
  type CalendarException,
  type CalendarExceptionKind,
  type FixedHolidayRule,
  type LabourCodeEra,
  type LocalizedText,
  type MovableHolidayDate,
  type MovableHolidayRule,
  type WeekendHolidayTransfer,
} from './calendar-rules.js';
export {
  eraOn,
  isWorkingDay,
  WEEKDAY_NAMES,
  weekdayName,
  type NonWorkingReason,
  type Observance,
  type WorkingDayResult,
} from './working-days.js';
export { describeYear, missingMovableHolidays, type MissingMovableHoliday } from './calendar-year.js';
export {
  addExtension,
  computeDue,
  workingDaysBetween,
  type AddExtensionInput,
  type ComputeDueInput,
  type DueResult,
  type DueStatus,
  type SkippedDay,
} from './deadline.js';
export {
  formatDate,
  renderExplanation,
  renderExplanationItem,
  type ExplanationItem,
  type ExplanationKey,
  type Lang,
  type TermUnit,
} from './explanation.js';
export { addDays, dayOfWeek, daysBetween, isIsoDate, kyrgyzDateOf, yearEndingOn, type IsoDate } from './iso-date.js';
export { BISHKEK_OFFSET_MS, bishkekToUtc, startOfKyrgyzDay, utcToBishkek } from './bishkek-time.js';
export { validateCalendarData } from './validate-calendar-data.js';

export const calendarModule = defineModule({ name: 'calendar' });
