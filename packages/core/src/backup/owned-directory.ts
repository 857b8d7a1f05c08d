import { execFileSync } from 'node:child_process';
import { chown, mkdir, writeFile } from 'node:fs/promises';
import { clusterOwnerName, runsAsRoot } from './run-program';

let owner: { uid: number; gid: number } | undefined;

function clusterOwnerIds(): { uid: number; gid: number } {
  owner ??= {
    uid: Number(execFileSync('id', ['-u', clusterOwnerName], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', clusterOwnerName], { encoding: 'utf8' }).trim()),
  };
  return owner;
}

/** A private directory the PostgreSQL processes we start may write to (mode 0700, as initdb wants). */
export async function makeOwnedDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (runsAsRoot()) {
    const { uid, gid } = clusterOwnerIds();
    await chown(dir, uid, gid);
  }
}

/** A file the cluster owner can read (pgBackRest's configuration, for one). */
export async function writeOwnedFile(file: string, content: string): Promise<void> {
  await writeFile(file, content, { mode: 0o600 });
  if (runsAsRoot()) {
    const { uid, gid } = clusterOwnerIds();
    await chown(file, uid, gid);
  }
}
