/**
 * Recorded chunks wait in IndexedDB until the server acknowledges them, so a network drop, a
 * reload or a closed tab loses no audio. A "completion" record remembers that the recording was
 * stopped and how many chunks it has, so `complete` is still sent after a reload.
 */

export interface StoredChunk {
  encounterId: string;
  seq: number;
  blob: Blob;
}

export interface PendingCompletion {
  encounterId: string;
  chunkCount: number;
}

const databaseName = 'healthcare-recordings';
const chunkStore = 'chunks';
const completionStore = 'completions';

let opening: Promise<IDBDatabase> | undefined;

function openDatabase(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(databaseName, 1);
    request.onupgradeneeded = () => {
      const database = request.result;
      database.createObjectStore(chunkStore, { keyPath: ['encounterId', 'seq'] });
      database.createObjectStore(completionStore, { keyPath: 'encounterId' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
  return opening;
}

async function run<T>(
  storeName: string,
  mode: IDBTransactionMode,
  action: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const database = await openDatabase();
  return new Promise((resolve, reject) => {
    const transaction = database.transaction(storeName, mode);
    const request = action(transaction.objectStore(storeName));
    // Resolved on commit, not on success: a chunk counts as kept only once it is durable.
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export const saveChunk = (chunk: StoredChunk) => run(chunkStore, 'readwrite', (store) => store.put(chunk));

export const deleteChunk = (encounterId: string, seq: number) =>
  run(chunkStore, 'readwrite', (store) => store.delete([encounterId, seq]));

export async function listChunks(encounterId: string): Promise<StoredChunk[]> {
  const range = IDBKeyRange.bound([encounterId, 0], [encounterId, Number.MAX_SAFE_INTEGER]);
  const chunks = await run(chunkStore, 'readonly', (store) => store.getAll(range));
  return (chunks as StoredChunk[]).sort((a, b) => a.seq - b.seq);
}

export const saveCompletion = (completion: PendingCompletion) =>
  run(completionStore, 'readwrite', (store) => store.put(completion));

export async function findCompletion(encounterId: string): Promise<PendingCompletion | undefined> {
  return (await run(completionStore, 'readonly', (store) => store.get(encounterId))) as
    PendingCompletion | undefined;
}

export const deleteCompletion = (encounterId: string) =>
  run(completionStore, 'readwrite', (store) => store.delete(encounterId));
