/* test-notes-utils.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-application.h"
#include "sl-window.h"

G_BEGIN_DECLS

/* Shared by test-notes.c and test-notes-fa.c: the demo workspace, a
 * window on it, the dialogs it opens and screenshots. */

/* What the tests of one program share. */
typedef struct
{
  SlApplication *app;
  SlWindow      *window;
  char          *dir;
  char          *path;   /* the demo workspace */
} NotesTest;

extern NotesTest notes_test;

/* The demo workspace in a new folder, and the application. */
void       notes_test_setup          (void);
/* Closes the window, removes the folder, returns @status. */
int        notes_test_teardown       (int            status);
SlWorkspace *notes_test_workspace    (void);
gint64     notes_test_query          (const char    *sql);
/* The one widget of @type in the window (a page). */
GtkWidget *notes_test_find_view      (GType          type);
/* Activates @action (with @id unless 0) on @view; the dialog of @type
 * it opened. */
GtkWindow *notes_test_open_dialog    (GtkWidget     *view,
                                      const char    *action,
                                      gint64         id,
                                      GType          type);
void       notes_test_set_text       (GtkWidget     *editable,
                                      const char    *text);
/* A new window (the last one is destroyed) of @width × @height on @path. */
SlWindow  *notes_test_open_window    (SlApplication *app,
                                      SlWindow      *last,
                                      const char    *path,
                                      int            width,
                                      int            height);
void       notes_test_show_page      (SlWindow      *window,
                                      const char    *name);
/* The shown toplevel of @type (a dialog), or NULL. */
GtkWindow *notes_test_find_toplevel  (GType          type);
/* Activates @button as a click would, and lets the main loop run. */
void       notes_test_click          (GtkWidget     *button);
/* Into $SL_SCREENSHOT_DIR (else the test's build dir). */
void       notes_test_screenshot     (GtkWidget     *widget,
                                      const char    *name);
/* A win and a loss with its plan on channel 1 in June 2025, and an
 * experiment by someone else, written through the core. */
void       notes_test_add_samples    (SlWorkspace   *workspace);

/* test-notes-goals.c */
void       notes_test_add_goal_tests (void);

G_END_DECLS
