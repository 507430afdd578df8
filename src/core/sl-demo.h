/* sl-demo.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-database.h"
#include "sl-period.h"

G_BEGIN_DECLS

#define SL_DEMO_ERROR (sl_demo_error_quark ())

typedef enum
{
  SL_DEMO_ERROR_INVALID,    /* bad options, or a workspace the demo cannot fill */
  SL_DEMO_ERROR_NOT_EMPTY,  /* the workspace already holds channels or facts */
} SlDemoError;

typedef struct
{
  guint32 seed;
  gint64  spend_rows;   /* 0: the natural size (one row per campaign and day) */
  int     fiscal_year;  /* the Gregorian year the demo covers, e.g. 2025 */
} SlDemoOptions;

/* Called with the share of the work done, 0.0 to 1.0. */
typedef void (*SlDemoProgressFunc) (double   fraction,
                                    gpointer user_data);

GQuark    sl_demo_error_quark       (void);

/* Fills the empty, migrated workspace @db with a realistic year of
 * marketing data ("Northwind Demo", USD): channels, campaigns, goals,
 * plan, reserve, forecast and committed budget lines, daily spend, a
 * funnel of deals, customers and their MRR, and the day rollups, all in
 * one transaction. The contents depend only on @options: the same
 * options write the same rows, byte for byte, on any machine. "Now" in
 * the demo is October 15 of the fiscal year: actuals stop there. */
gboolean  sl_demo_write             (SlDatabase          *db,
                                     const SlDemoOptions *options,
                                     SlDemoProgressFunc   progress,
                                     gpointer             user_data,
                                     GError             **error);

/* Inserts the workspace settings row of a new workspace, with a random
 * uuid and the current time. */
gboolean  sl_workspace_row_insert   (SlDatabase          *db,
                                     const char          *name,
                                     const char          *currency,
                                     SlCalendar           calendar,
                                     int                  fiscal_start_month,
                                     int                  reserve_basis_points,
                                     GError             **error);

G_END_DECLS
