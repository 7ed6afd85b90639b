/** 0 = Sunday … 6 = Saturday, as date-fns counts. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

// Regions whose calendars start on Sunday or Saturday (CLDR); everywhere else starts on Monday.
const SUNDAY_REGIONS = new Set(
  'AG AS BD BR BS BT BW BZ CA CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'.split(
    ' ',
  ),
);
const SATURDAY_REGIONS = new Set('AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '));

interface WeekInfo {
  firstDay: number; // 1 = Monday … 7 = Sunday
}

/**
 * The first day of the week for a locale: the runtime's `Intl.Locale` week info where it
 * exists, otherwise the region's custom (Monday by default).
 */
export function weekStartFor(locale: string): Weekday {
  try {
    const loc = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => WeekInfo;
      weekInfo?: WeekInfo;
    };
    const info = loc.getWeekInfo?.() ?? loc.weekInfo;
    if (info && info.firstDay >= 1 && info.firstDay <= 7) return (info.firstDay % 7) as Weekday;
    const region = loc.maximize().region ?? '';
    if (SUNDAY_REGIONS.has(region)) return 0;
    if (SATURDAY_REGIONS.has(region)) return 6;
    return 1;
  } catch {
    return 1;
  }
}
