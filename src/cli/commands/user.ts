import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { createUser, listUsers, ROLES, UserInputError, type Role } from '../../server/index.js';
import { printTable, UserError, withDatabase } from '../context.js';

interface AddOptions {
  la: string;
  role: string;
  email: string;
  name?: string;
  worker?: string;
  team?: string;
  service?: string;
  pool?: string;
  passwordFile?: string;
}

/** The password from --password-file, else piped stdin (first line), else a hidden prompt. */
async function readPassword(options: AddOptions): Promise<string> {
  if (options.passwordFile) return readFileSync(options.passwordFile, 'utf8').split(/\r?\n/)[0] ?? '';
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const hidden = rl as unknown as { _writeToOutput: (text: string) => void; output: NodeJS.WriteStream };
  process.stdout.write('Password: ');
  hidden._writeToOutput = () => undefined;
  const password = await new Promise<string>((done) => rl.question('', done));
  rl.close();
  process.stdout.write('\n');
  return password;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('User accounts for the web app and API');

  user.command('add')
    .description('Add a user (the first administrator, for example); the password is read from --password-file, stdin or a prompt')
    .requiredOption('--la <code>', "the user's authority (3-digit DfE code)")
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .requiredOption('--email <email>', 'sign-in e-mail')
    .option('--name <name>', 'display name (default: the e-mail)')
    .option('--worker <id>', 'worker id (social_worker, iro): links the user to their allocated children')
    .option('--team <id>', 'team id (team_manager)')
    .option('--service <name>', 'service name on the teams (service_manager)')
    .option('--pool <codes>', 'comma-separated authorities a regional pool analyst may see, pseudonymised')
    .option('--password-file <file>', 'read the password from the first line of this file')
    .addHelpText('after', '\nExample:\n  echo "a long passphrase here" | csc user add --la 931 --role administrator --email admin@example.gov.uk')
    .action(async (options: AddOptions, command: Command) => {
      const password = await readPassword(options);
      await withDatabase(command, async ({ db }) => {
        try {
          const created = await createUser(db, {
            laCode: options.la, email: options.email, displayName: options.name ?? options.email, role: options.role as Role, password,
            workerId: options.worker, teamId: options.team, service: options.service, poolAuthorities: options.pool?.split(',').map((c) => c.trim()).filter(Boolean),
            createdBy: 'csc user add',
          });
          console.log(`Added ${created.role} ${created.email} to authority ${created.laCode} (user ${created.userId}).`);
        } catch (error) {
          if (error instanceof UserInputError) throw new UserError(error.message);
          throw error;
        }
      });
    });

  user.command('list')
    .description("List an authority's users")
    .requiredOption('--la <code>', 'authority (3-digit DfE code)')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { la: string; json?: boolean }, command: Command) => {
      await withDatabase(command, async ({ db }) => {
        const users = await listUsers(db, options.la);
        if (options.json) console.log(JSON.stringify(users, null, 2));
        else printTable(users.map((u) => ({ email: u.email, role: u.role, name: u.displayName, active: String(u.active), pool: u.poolAuthorities.join(' ') })));
      });
    });
}
