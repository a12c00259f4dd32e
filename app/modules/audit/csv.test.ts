import { describe, expect, test } from "vitest";
import { csvCell, csvRow } from "./csv";

/** A minimal RFC 4180 reader, to check that what we write reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += char;
  }
  return rows;
}

describe("CSV export cells", () => {
  test.each(['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])(
    "a cell starting with a formula character is neutralised with an apostrophe: %j",
    (value) => {
      expect(csvCell(value).replace(/^"/, "")).toMatch(/^'/);
    },
  );

  test("ordinary text, empty and null cells stay as they are", () => {
    expect(csvCell("inspector")).toBe("inspector");
    expect(csvCell("Айгуль Осмонова")).toBe("Айгуль Осмонова");
    expect(csvCell("")).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(12n)).toBe("12");
    expect(csvCell("a-b=c")).toBe("a-b=c");
  });

  test("commas and quotes are quoted the RFC 4180 way", () => {
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell(" padded ")).toBe('" padded "');
  });

  test("CR, LF and Unicode line breaks inside a value can never start a new row", () => {
    const line = csvRow(["1", "eve\r\n2,forged,row", "x\ny", "p\u2028q", "=cmd|' /C calc'!A0\n"]);
    expect(line.endsWith("\r\n")).toBe(true);
    expect(line.slice(0, -2)).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(parseCsv(line)).toEqual([["1", "eve  2,forged,row", "x y", "p q", "'=cmd|' /C calc'!A0 "]]);
  });

  test("a row reads back as the same cells", () => {
    const cells = ["42", "inspector", 'He said "no"', "a, b", "-1", "поле"];
    expect(parseCsv(csvRow(cells) + csvRow(["x"]))).toEqual([["42", "inspector", 'He said "no"', "a, b", "'-1", "поле"], ["x"]]);
  });
});
