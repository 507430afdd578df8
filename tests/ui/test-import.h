/* test-import.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-application.h"
#include "sl-import-dialog.h"
#include "sl-window.h"

G_BEGIN_DECLS

/* The application, its window on an empty workspace (open_empty_workspace)
 * and a folder for the files to import. */
extern SlApplication *app;
extern SlWindow      *window;
extern char          *tmp_dir;

/* test-import-utils.c: widgets. The first widget of @type under @root
 * whose string @property is @value (any, with @property NULL). */
gpointer          find_widget             (gpointer        root,
                                           GType           type,
                                           const char     *property,
                                           const char     *value);
/* Whether a visible label under @root contains @text. */
gboolean          shows_text              (gpointer        root,
                                           const char     *text);
gboolean          window_shows_text_cb    (gpointer        text);
/* An open message dialog with this heading, if any. */
AdwMessageDialog *find_message_dialog     (const char     *heading);
gboolean          message_dialog_shown_cb (gpointer        heading);
gboolean          is_null_cb              (gpointer        location);
gboolean          not_busy_cb             (gpointer        dialog);

/* The database. */
gint64            count                   (const char     *sql);
void              assert_workspace_empty  (void);
/* Channel rows of the plan (without the reserve and the total). */
guint             plan_n_channels         (void);

GFile            *write_csv               (const char     *name,
                                           const char     *contents);
/* Opens the import dialog for @file as the action and drops do. */
SlImportDialog   *open_dialog             (GFile          *file);
/* Presses Import and waits until the dialog has closed. */
void              import_and_wait         (SlImportDialog *dialog);
void              open_empty_workspace    (void);

/* test-import-mapping.c */
void              add_mapping_tests       (void);

G_END_DECLS
