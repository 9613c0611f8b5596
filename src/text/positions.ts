/**
 * Offsets → 1-based line and column, computed by the kernel so that no rule or reader has to.
 * Columns count UTF-16 code units, as editors, LSP and SARIF do. CRLF, LF and lone CR all end a line.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(content: string) {
    for (let i = 0; i < content.length; i++) {
      const ch = content.charCodeAt(i);
      if (ch === 10 /* \n */) this.lineStarts.push(i + 1);
      else if (ch === 13 /* \r */) {
        if (content.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      }
    }
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low] + 1 };
  }
}
