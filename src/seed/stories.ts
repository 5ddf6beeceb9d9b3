import type { Faker } from '@faker-js/faker';

/** Reference stories in three parts, with the numbers prospects ask for. */
export function storyFor(faker: Faker, ctx: { company: string; product: string; useCase: string; employees: number }) {
  const teams = faker.helpers.arrayElement(['finance', 'operations', 'sales', 'supply chain', 'customer support', 'marketing']);
  const before = faker.helpers.arrayElement([
    `${ctx.company}'s ${teams} team rebuilt the same spreadsheets every week, and nobody trusted the numbers.`,
    `Reports at ${ctx.company} took ${faker.number.int({ min: 4, max: 15 })} days to assemble from ${faker.number.int({ min: 6, max: 40 })} systems.`,
    `${ctx.company} had outgrown its legacy BI stack; ${faker.number.int({ min: 200, max: 3000 })} users waited on a central team of ${faker.number.int({ min: 3, max: 12 })}.`,
    `Regulators asked ${ctx.company} for evidence its ${teams} data was complete, and producing it was a quarter-long project.`,
  ]);
  const solution = `${ctx.company} rolled out ${ctx.product} for ${ctx.useCase.toLowerCase()} in ${faker.number.int({ min: 6, max: 26 })} weeks, starting with the ${teams} team and expanding to ${faker.number.int({ min: 3, max: 12 })} departments.`;
  const outcomes = faker.helpers
    .arrayElements(
      [
        `Month-end close went from ${faker.number.int({ min: 7, max: 12 })} days to ${faker.number.int({ min: 2, max: 5 })}.`,
        `Saved about $${faker.number.int({ min: 120, max: 2400 })}k a year in licences and manual work.`,
        `${faker.number.int({ min: 55, max: 92 })}% of employees now use dashboards weekly, up from ${faker.number.int({ min: 5, max: 25 })}%.`,
        `Forecast accuracy improved by ${faker.number.int({ min: 8, max: 35 })} points.`,
        `Audit preparation dropped from ${faker.number.int({ min: 6, max: 12 })} weeks to ${faker.number.int({ min: 1, max: 3 })}.`,
        `Return on investment in ${faker.number.int({ min: 5, max: 14 })} months.`,
      ],
      { min: 2, max: 3 },
    )
    .join(' ');
  return { situation: before, solution, outcomes };
}
