/** A count on stderr while work goes on; silent when stderr is not a terminal. */
export class Progress {
  private last = 0;
  private shown = false;
  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = Boolean(stream.isTTY),
  ) {}

  update(message: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    this.stream.write(`\r\x1b[K${message}`);
    this.shown = true;
  }

  done(message?: string): void {
    if (!this.enabled) return;
    if (this.shown) this.stream.write('\r\x1b[K');
    if (message) this.stream.write(message + '\n');
  }
}
