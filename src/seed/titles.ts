/** Job titles consistent with seniority and function, as people write them on LinkedIn. */
const FUNCTION_WORDS: Record<string, { area: string; chief: string }> = {
  it: { area: 'IT', chief: 'Chief Information Officer' },
  engineering: { area: 'Engineering', chief: 'Chief Technology Officer' },
  business_line: { area: 'Business Operations', chief: 'Chief Operating Officer' },
  finance: { area: 'Finance', chief: 'Chief Financial Officer' },
  hr: { area: 'People', chief: 'Chief People Officer' },
  marketing: { area: 'Marketing', chief: 'Chief Marketing Officer' },
  sales: { area: 'Sales', chief: 'Chief Revenue Officer' },
  operations: { area: 'Operations', chief: 'Chief Operating Officer' },
  customer_service: { area: 'Customer Service', chief: 'Chief Customer Officer' },
  procurement: { area: 'Procurement', chief: 'Chief Procurement Officer' },
  legal_and_compliance: { area: 'Legal & Compliance', chief: 'General Counsel' },
  security: { area: 'Information Security', chief: 'Chief Information Security Officer' },
  data_and_analytics: { area: 'Data & Analytics', chief: 'Chief Data Officer' },
  executive_leadership: { area: 'Strategy', chief: 'Chief Executive Officer' },
};

const IC_TITLES: Record<string, string> = {
  it: 'Systems Administrator',
  engineering: 'Staff Software Engineer',
  business_line: 'Business Analyst',
  finance: 'Financial Analyst',
  hr: 'HR Business Partner',
  marketing: 'Marketing Operations Specialist',
  sales: 'Sales Operations Analyst',
  operations: 'Operations Analyst',
  customer_service: 'Customer Service Lead',
  procurement: 'Buyer',
  legal_and_compliance: 'Compliance Analyst',
  security: 'Security Engineer',
  data_and_analytics: 'Senior Data Analyst',
  executive_leadership: 'Chief of Staff',
};

export function titleFor(seniority: string, fn: string, pick: <T>(items: T[]) => T): string {
  const words = FUNCTION_WORDS[fn] ?? { area: 'Operations', chief: 'Chief Operating Officer' };
  switch (seniority) {
    case 'c_level':
      return words.chief;
    case 'vp':
      return pick([`VP of ${words.area}`, `Vice President, ${words.area}`, `SVP ${words.area}`]);
    case 'director':
      return pick([`Director of ${words.area}`, `Head of ${words.area}`, `Senior Director, ${words.area}`]);
    case 'manager':
      return pick([`${words.area} Manager`, `Senior Manager, ${words.area}`, `${words.area} Team Lead`]);
    default:
      return IC_TITLES[fn] ?? 'Analyst';
  }
}

export const TECHNICAL_FUNCTIONS = new Set(['it', 'engineering', 'security', 'data_and_analytics']);
