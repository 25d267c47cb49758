// The order test files start in. With two workers the suite ends when its longest file does, and
// the browser files are the longest (tens of seconds to minutes each, against a few seconds for
// most others): started first, they run beside the short ones instead of after them. A fresh
// clone has no timings from earlier runs, which is what vitest's own order goes by.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const weight = (file: string) => (/\/web\/e2e\//.test(file) ? 2 : /\.browser\.test\.ts$|\/e2e\//.test(file) ? 1 : 0);

export class BrowserFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Stable: within a weight, vitest's order (timings when it has them, else size) stands.
    return sorted
      .map((spec, index) => ({ spec, index }))
      .sort((a, b) => weight(b.spec.moduleId) - weight(a.spec.moduleId) || a.index - b.index)
      .map(({ spec }) => spec);
  }
}
