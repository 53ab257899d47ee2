// Where a program is: the first folder of a list that holds an executable file of that name.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The folders of a PATH value, in order. */
export function pathDirs(searchPath = process.env.PATH ?? ''): string[] {
  return searchPath.split(':').filter(Boolean);
}

/** The full path of the first executable `name` in `dirs`, or undefined. */
export function findExecutable(name: string, dirs: readonly string[]): string | undefined {
  return dirs.map((dir) => path.join(dir, name)).find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
