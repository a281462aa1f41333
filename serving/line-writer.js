// Log lines to a file descriptor with one write per many lines. pino's own destination
// (SonicBoom) costs 1.5–3 µs a line here: it measures its growing string buffer on every
// line (flattening it) and copies it twice more per write, and each write is a trip
// through libuv's thread pool. Here a line is copied once, into a buffer; a full buffer, or
// whatever is there every FLUSH_MS, goes out in one asynchronous write, in order, one write
// at a time. What is still held when the process exits is written synchronously then.
import { write, writeSync } from 'node:fs';

const SIZE = 16 * 1024;
/** On a quiet server a line reaches the log within this. */
const FLUSH_MS = 100;
/** A pipe whose reader is behind (EAGAIN) is tried again after this, as SonicBoom does. */
const RETRY_MS = 100;

export class LineWriter {
	#fd;
	#buffer = Buffer.allocUnsafe(SIZE);
	#used = 0;
	/** @type {Buffer[]} filled buffers, oldest first; the first is being written while #writing */
	#queue = [];
	#writing = false;

	/** @param {number} fd */
	constructor(fd) {
		this.#fd = fd;
		setInterval(() => this.#seal().#drain(), FLUSH_MS).unref();
		process.on('exit', () => this.flushSync());
	}

	/** Queues `line` (text ending in a newline); it is written within FLUSH_MS. */
	write(/** @type {string} */ line) {
		// A UTF-8 byte count is up to 3 per UTF-16 unit: checked without measuring the line.
		if (this.#used + line.length * 3 > SIZE) {
			this.#seal();
			// A line longer than a buffer goes out as it is.
			const long = line.length * 3 > SIZE;
			if (long) this.#queue.push(Buffer.from(line));
			this.#drain();
			if (long) return true;
		}
		this.#used += this.#buffer.write(line, this.#used);
		return true;
	}

	/** Moves the lines held so far to the write queue (writing nothing: flushSync writes them itself). */
	#seal() {
		if (this.#used > 0) {
			this.#queue.push(this.#buffer.subarray(0, this.#used));
			this.#buffer = Buffer.allocUnsafe(SIZE);
			this.#used = 0;
		}
		return this;
	}

	#drain() {
		if (this.#writing || this.#queue.length === 0) return;
		this.#writing = true;
		const chunk = this.#queue[0];
		write(this.#fd, chunk, 0, chunk.length, null, (error, written) => {
			this.#writing = false;
			if (error?.code === 'EAGAIN') return void setTimeout(() => this.#drain(), RETRY_MS).unref();
			if (error) {
				// A log that cannot be written (a closed pipe) must not take the server down.
				this.#queue.length = 0;
				return;
			}
			if (written < chunk.length) this.#queue[0] = chunk.subarray(written);
			else this.#queue.shift();
			this.#drain();
		});
	}

	/**
	 * Writes everything held, synchronously (on exit). A chunk whose asynchronous write is
	 * under way is left to it: writing it here too could print its lines twice. On a
	 * normal exit (SIGTERM, the event loop emptied) no write is under way.
	 */
	flushSync() {
		this.#seal();
		for (const chunk of this.#writing ? this.#queue.slice(1) : this.#queue) {
			for (let at = 0; at < chunk.length;) {
				try {
					at += writeSync(this.#fd, chunk, at);
				} catch (error) {
					if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EAGAIN') return;
					Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
				}
			}
		}
		this.#queue.length = this.#writing ? 1 : 0;
	}
}
