import type { OrderRuleSet } from "~/modules/protection-orders/order-rules";

/**
 * Protection-order rule sets (decision 022), seeded as dated rows. The figures follow the 2017 Law
 * No. 63 "On protection and defence from family violence" as summarised in 2018 (a temporary order
 * for at least 3 days, extendable up to 30 days) — re-read the current text at cbd.minjust.gov.kg
 * before production and add a NEW row with its own `validFrom` for any amendment; never edit a row
 * that orders already point at. Check frequencies are Kamkor's defaults, not law.
 */
export const ORDER_RULE_SETS: OrderRuleSet[] = [
  {
    code: "kg-2017-63",
    lawReference: "Закон КР № 63 от 27.04.2017 «Об охране и защите от семейного насилия», ст. 27 (ред. 2020, 2024)",
    validFrom: new Date("2017-04-27T00:00:00.000Z"),
    defaultDays: 3,
    minDays: 3,
    maxDays: 3,
    maxTotalDays: 30,
    checkEveryDays: { standard: 7, medium: 5, high: 3 },
    expiryNoticeHours: 48,
  },
];
