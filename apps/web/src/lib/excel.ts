// Every list can be downloaded as an Excel workbook (exceljs, loaded only when someone asks for a file).

export interface ExcelColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | Date | null | undefined;
  width?: number;
  /** Excel number format, e.g. '0.00' or '#,##0'. */
  numFmt?: string;
}

/** Build an .xlsx of the rows (a title line, a bold header, frozen panes, A4 landscape) and download it. */
export async function downloadExcel<T>(fileName: string, sheetName: string, title: string, columns: ExcelColumn<T>[], rows: T[]): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hệ thống thi đua chuyển đổi số';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ws.mergeCells(1, 1, 1, Math.max(columns.length, 1));
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 14 };
  ws.getRow(1).height = 22;
  const header = ws.getRow(3);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
    ws.getColumn(i + 1).width = c.width ?? 18;
    if (c.numFmt) ws.getColumn(i + 1).numFmt = c.numFmt;
  });
  rows.forEach((r, ri) => {
    const row = ws.getRow(4 + ri);
    columns.forEach((c, ci) => {
      const v = c.value(r);
      row.getCell(ci + 1).value = v === undefined ? null : v;
    });
  });
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: Math.max(columns.length, 1) } };
  const buffer = await wb.xlsx.writeBuffer();
  const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
