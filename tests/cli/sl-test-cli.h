/* sl-test-cli.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CLI tests' runner: the real sunlight-cli run the way a script
 * runs it, its exit status and output kept.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

void  cli_run_clear         (CliRun     *run);
/* The sunlight-cli to run (the tests' first argument). */
void  sl_test_cli_set_path  (const char *path);
/* Runs sunlight-cli with the arguments up to NULL, to its end. */
void  run_cli               (CliRun     *run,
                             const char *first,
                             ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

G_END_DECLS
