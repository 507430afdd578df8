/* sl-ui-test-a11y.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The accessibility audit of a widget tree. GTK records accessible
 * properties only with an AT context: run with GTK_A11Y=test (set it
 * before gtk_init()), as GTK_A11Y=none records nothing. */

/* The accessible name @widget has, as GTK 4.8 gives it to a screen
 * reader (its label property, else "labelled by"): the label, "" when
 * the relation is there (the label's text is not public), or NULL when
 * it has none. */
char      *sl_ui_test_a11y_dup_name        (GtkWidget  *widget);
/* @widget's accessible description, or NULL. */
char      *sl_ui_test_a11y_dup_description (GtkWidget  *widget);
/* Walks @root's shown widgets (and its popovers, shown or not) and
 * appends to @gaps a line per control a keyboard reaches or activates
 * that has no accessible name, and per chart whose description does not
 * tell its data; @where starts each line. Returns how many controls and
 * charts it checked. */
guint      sl_ui_test_a11y_audit           (GtkWidget  *root,
                                            const char *where,
                                            GString    *gaps);

G_END_DECLS
