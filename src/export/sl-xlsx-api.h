/* sl-xlsx-api.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <xlsxwriter.h>

/* The libxlsxwriter functions the XLSX export calls, as the module
 * sunlight-xlsx hands them out (sl_xlsx_module_get_api). The library and
 * what it links (libcrypto, minizip) are loaded on the first XLSX export,
 * not with every program that can export: resolving their symbols cost
 * every start of the app ~10 M instructions. Each member has the type
 * of the function it names, whatever the installed version declares. */
#define SL_XLSX_FUNCTION(name) __typeof__ (name) *name

typedef struct
{
  SL_XLSX_FUNCTION (workbook_new);
  SL_XLSX_FUNCTION (workbook_add_format);
  SL_XLSX_FUNCTION (workbook_add_worksheet);
  SL_XLSX_FUNCTION (workbook_close);
  SL_XLSX_FUNCTION (workbook_set_properties);
  SL_XLSX_FUNCTION (workbook_validate_sheet_name);
  SL_XLSX_FUNCTION (worksheet_freeze_panes);
  SL_XLSX_FUNCTION (worksheet_right_to_left);
  SL_XLSX_FUNCTION (worksheet_set_column);
  SL_XLSX_FUNCTION (worksheet_write_comment);
  SL_XLSX_FUNCTION (worksheet_write_number);
  SL_XLSX_FUNCTION (worksheet_write_string);
  SL_XLSX_FUNCTION (format_set_bold);
  SL_XLSX_FUNCTION (format_set_bottom);
  SL_XLSX_FUNCTION (format_set_indent);
  SL_XLSX_FUNCTION (format_set_num_format);
  SL_XLSX_FUNCTION (lxw_strerror);
} SlXlsxApi;

/* The module's one exported function; its name, SL_XLSX_MODULE_NAME,
 * comes from meson.build through config.h. */
#define SL_XLSX_MODULE_SYMBOL "sl_xlsx_module_get_api"

typedef const SlXlsxApi *(*SlXlsxModuleGetApi) (void);
