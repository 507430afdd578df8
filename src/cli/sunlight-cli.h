/* sunlight-cli.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes, for scripts. */
enum {
  SL_CLI_OK = 0,
  SL_CLI_FAILED = 1,            /* bad input, bad options, I/O */
  SL_CLI_DUPLICATE_FILE = 3,    /* imported before: add --allow-duplicate */
  SL_CLI_AMBIGUOUS_DATES = 4,   /* add --date-order dmy|mdy */
  SL_CLI_SYNC_ISSUES = 5,       /* synced, but the server refused items or edits clash */
};

/* Shared by the commands (sunlight-cli.c). */
int             fail_with       (GError              *error);
GOptionContext *command_context (const char          *command,
                                 const char          *parameters,
                                 const char          *summary,
                                 const GOptionEntry  *entries);
gboolean        take_path       (int                  argc,
                                 char               **argv,
                                 const char          *example,
                                 const char         **out,
                                 GError             **error);
gboolean        parse_integer   (const char          *option,
                                 const char          *text,
                                 gint64               min,
                                 gint64               max,
                                 gint64              *out,
                                 GError             **error);

/* sunlight-cli-import.c */
int             sl_cli_command_import      (int    argc,
                                            char **argv);
int             sl_cli_command_mappings    (int    argc,
                                            char **argv);
int             sl_cli_command_batches     (int    argc,
                                            char **argv);
int             sl_cli_command_undo_import (int    argc,
                                            char **argv);

/* sunlight-cli-plan.c */
int             sl_cli_command_plan        (int    argc,
                                            char **argv);

/* sunlight-cli-sync.c */
int             sl_cli_command_sync        (int    argc,
                                            char **argv);

/* sunlight-cli-report.c */
int             sl_cli_command_report      (int    argc,
                                            char **argv);

G_END_DECLS
