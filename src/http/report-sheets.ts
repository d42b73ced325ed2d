/**
 * How the quarterly report reads in a spreadsheet, in the caller's language:
 * headers, the title and period lines, the totals label, and the file's
 * name. The layout itself is `projections/reports/sheet.ts`.
 */
import { ACTIVITY_TYPES, type ActivityType } from '../../commands/partnership/index.ts';
import { type QuarterlyReport, type SheetPresentation } from '../../projections/index.ts';
import { officeName } from '../../projections/reference/index.ts';
import type { Language } from '../i18n/language.ts';
import { VOCABULARIES } from '../i18n/vocabulary.ts';

const HEADERS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  zh: {
    office: '单位代码',
    nameZh: '单位',
    nameEn: '单位（英文）',
    newProposals: '新增储备意向',
    signings: '新签协议',
    activities: '交流活动',
    outcomes: '举措和成果',
    projectsStarted: '启动合作项目',
    projectsCompleted: '完成合作项目',
    reactivations: '激活友城',
  },
  en: {
    office: 'Office code',
    nameZh: 'Office (Chinese)',
    nameEn: 'Office',
    newProposals: 'New candidates',
    signings: 'Agreements signed',
    activities: 'Activities',
    outcomes: 'Measures and results',
    projectsStarted: 'Projects started',
    projectsCompleted: 'Projects completed',
    reactivations: 'Reactivations',
  },
};

const isActivityType = (value: string): value is ActivityType => (ACTIVITY_TYPES as readonly string[]).includes(value);

/** The header of a column key in a language: its label, and an activity type's label for `activities.<type>`. */
function header(key: string, language: Language): string {
  const type = key.startsWith('activities.') ? key.slice('activities.'.length) : undefined;
  if (type !== undefined && isActivityType(type)) {
    const label = VOCABULARIES.activityType.labels[type][language];
    return language === 'zh' ? `活动：${label}` : `Activities: ${label}`;
  }
  return HEADERS[language][key] ?? key;
}

/** The title lines, totals label and sheet name of a quarterly report in a language. */
export function quarterlyPresentation(report: QuarterlyReport, office: string | undefined, language: Language): SheetPresentation {
  const who = office === undefined ? undefined : officeName(office);
  if (language === 'zh') {
    return {
      header: (key) => header(key, 'zh'),
      title: [`国际友城工作季度报告（${report.year}年第${report.quarter}季度）`, `单位：${who ? who.nameZh : '全省'}`, `统计期间：${report.from} 至 ${report.to}`],
      totalsLabel: '合计',
      sheetName: `${report.year}年第${report.quarter}季度`,
    };
  }
  return {
    header: (key) => header(key, 'en'),
    title: [`Friendship cities: quarterly report, ${report.year} Q${report.quarter}`, `Office: ${who ? who.nameEn : 'All of Shandong'}`, `Period: ${report.from} to ${report.to}`],
    totalsLabel: 'Total',
    sheetName: `${report.year} Q${report.quarter}`,
  };
}

/**
 * `Content-Disposition` for a download: an ASCII `filename` for old clients
 * and the name in the caller's language as `filename*` (RFC 6266, RFC 5987).
 */
export function attachment(asciiName: string, name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}

/** The file name of a quarterly report export, without its extension, in a language. */
export function quarterlyFileName(report: QuarterlyReport, office: string | undefined, language: Language): string {
  const who = office === undefined ? undefined : officeName(office);
  return language === 'zh'
    ? `${who ? who.nameZh : '山东省'}国际友城工作季度报告-${report.year}年第${report.quarter}季度`
    : `friendship-cities-quarterly-report-${report.year}-q${report.quarter}${office ? `-${office}` : ''}`;
}
