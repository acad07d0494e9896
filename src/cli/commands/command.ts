export interface CliCommand {
  summary: string;
  run(args: string[]): Promise<void>;
}
