// `feedloop setup`: the terminal version of the first-run page.
import readline from 'node:readline';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import type { OpenConfiguredDatabase } from '../db/client.js';
import { setupOwner } from './setup.service.js';
import { AUTH_LIMITS } from './limits.js';

async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

function ask(question: string, hidden: boolean): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    if (hidden) {
      // Echo nothing while the password is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => {
        if (s.includes(question)) process.stdout.write(s);
      };
    }
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stdout.write('\n');
      resolve(answer);
    });
  });
}

export async function runSetupCommand(
  opts: { email: string; name: string; organization: string; workspace: string; locale: string; passwordStdin?: boolean },
  openDatabase: OpenConfiguredDatabase,
) {
  const email = z.email().parse(opts.email);
  const locale = z.enum(['fa', 'ar', 'zh', 'en']).parse(opts.locale);
  let password: string;
  if (opts.passwordStdin || !process.stdin.isTTY) {
    password = await readPasswordFromStdin();
  } else {
    password = await ask('Owner password: ', true);
    const again = await ask('Repeat password: ', true);
    if (again !== password) throw new Error('The passwords do not match');
  }
  if (password.length < AUTH_LIMITS.passwordMinLength) {
    throw new Error(`The password must have at least ${AUTH_LIMITS.passwordMinLength} characters`);
  }
  const database = await openDatabase(loadConfig());
  try {
    const { workspace } = await setupOwner(database, {
      email,
      name: opts.name,
      organizationName: opts.organization,
      workspaceName: opts.workspace,
      locale,
      password,
    });
    console.log(`Owner ${email} created with workspace "${workspace.name}" (${workspace.slug}). Sign in with \`npm start\`.`);
  } finally {
    await database.close();
  }
}
