/**
 * The latest change event's read per id. A refresh resolves only once the read of the newest event for its id has
 * landed: this instance also hears its own NOTIFY, and that event voids the read the write-through started.
 */
export class LatestReads {
  private latest = new Map<string, { at: number; read: Promise<unknown> }>();
  async settle(id: string, at: number, read: Promise<unknown>): Promise<void> {
    this.latest.set(id, { at, read });
    await read;
    for (let seen = at; ; ) {
      const newest = this.latest.get(id);
      if (!newest || newest.at <= seen) break;
      seen = newest.at;
      await newest.read;
    }
    if (this.latest.get(id)?.at === at) this.latest.delete(id);
  }
}
