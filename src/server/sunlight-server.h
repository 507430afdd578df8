/* sunlight-server.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-server-store.h"

G_BEGIN_DECLS

/* Exit statuses. */
#define SL_EXIT_OK    0
#define SL_EXIT_ERROR 1
#define SL_EXIT_USAGE 2

/* Prints "sunlight-server: @message" on stderr; returns SL_EXIT_ERROR. */
int            sl_cli_fail        (const char  *message);
/* The data folder: --data, else $STATE_DIRECTORY (systemd), else NULL. */
const char    *sl_cli_data_dir    (const char  *option);
/* A context for @command's @entries, its texts in the messages' domain. */
GOptionContext *sl_cli_option_context (const char         *command,
                                       const char         *parameters,
                                       const GOptionEntry *entries);
/* Opens the store in @dir, or prints why not. */
SlServerStore *sl_cli_open_store  (const char  *dir);

int            sl_cli_command_user (int     argc,
                                    char  **argv);
int            sl_cli_command_db   (int     argc,
                                    char  **argv);

G_END_DECLS
