/* sl-ui-test-window.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-application.h"
#include "sl-plan-cell.h"
#include "sl-window.h"

G_BEGIN_DECLS

/* A registered, non-unique application for UI tests. */
SlApplication *sl_ui_test_new_application (void);
/* Opens @path in a new window @width wide (720 high when narrow, else
 * 800), destroying @old (may be NULL). */
SlWindow      *sl_ui_test_open_window     (SlApplication *app,
                                           SlWindow      *old,
                                           const char    *path,
                                           int            width);
/* Takes --persian out of the arguments and, when it was there, runs in
 * Persian with this build's catalogs (SL_LOCALE_DIR), as test-persian.c;
 * call before g_test_init(). FALSE when Persian is missing. */
gboolean       sl_ui_test_take_persian    (int           *argc,
                                           char         **argv,
                                           gboolean      *persian);
/* Types @text into @cell and presses Enter, as a user would. */
void           sl_ui_test_type_into       (SlPlanCell    *cell,
                                           const char    *text);
/* Saves @widget as WHAT-{wide,narrow}-{light,dark}[-fa].png in
 * SL_SCREENSHOT_DIR. */
void           sl_ui_test_save_shot       (GtkWidget     *widget,
                                           const char    *what,
                                           gboolean       wide,
                                           gboolean       dark,
                                           gboolean       persian);

G_END_DECLS
