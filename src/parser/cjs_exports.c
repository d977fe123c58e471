/* cjs_exports.c: the CommonJS named-export lexer (see cjs_exports.h). It reproduces the
 * observable behaviour of node 22's cjs-module-lexer (2.x), checked against node22 by
 * differential testing: a character-level scanner that skips strings, comments, templates and
 * regular expressions (telling a regex from a division by the significant character before the
 * `/`), keeps a stack of open `(` `{` `${` (brackets are not tracked), and at the start of
 * selected words tries the detection patterns by looking ahead without consuming input. */
#include "parser/cjs_exports.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ID_Start / ID_Continue above U+007F as cjs-module-lexer sees them: its tables are older than
 * the engine's (no Unicode 14+ additions), so these were derived from node22 by asking its lexer
 * about every code point (`exports.<c> = 1` and `exports.a<c> = 1`). */
static const uint32_t cjs_id_start[][2] = {
    {0xaa, 0xaa}, {0xb5, 0xb5}, {0xba, 0xba}, {0xc0, 0xd6}, {0xd8, 0xf6}, {0xf8, 0x2c1},
    {0x2c6, 0x2d1}, {0x2e0, 0x2e4}, {0x2ec, 0x2ec}, {0x2ee, 0x2ee}, {0x370, 0x374}, {0x376, 0x377},
    {0x37a, 0x37d}, {0x37f, 0x37f}, {0x386, 0x386}, {0x388, 0x38a}, {0x38c, 0x38c}, {0x38e, 0x3a1},
    {0x3a3, 0x3f5}, {0x3f7, 0x481}, {0x48a, 0x52f}, {0x531, 0x556}, {0x559, 0x559}, {0x560, 0x588},
    {0x5d0, 0x5ea}, {0x5ef, 0x5f2}, {0x620, 0x64a}, {0x66e, 0x66f}, {0x671, 0x6d3}, {0x6d5, 0x6d5},
    {0x6e5, 0x6e6}, {0x6ee, 0x6ef}, {0x6fa, 0x6fc}, {0x6ff, 0x6ff}, {0x710, 0x710}, {0x712, 0x72f},
    {0x74d, 0x7a5}, {0x7b1, 0x7b1}, {0x7ca, 0x7ea}, {0x7f4, 0x7f5}, {0x7fa, 0x7fa}, {0x800, 0x815},
    {0x81a, 0x81a}, {0x824, 0x824}, {0x828, 0x828}, {0x840, 0x858}, {0x860, 0x86a}, {0x8a0, 0x8b4},
    {0x8b6, 0x8c7}, {0x904, 0x939}, {0x93d, 0x93d}, {0x950, 0x950}, {0x958, 0x961}, {0x971, 0x980},
    {0x985, 0x98c}, {0x98f, 0x990}, {0x993, 0x9a8}, {0x9aa, 0x9b0}, {0x9b2, 0x9b2}, {0x9b6, 0x9b9},
    {0x9bd, 0x9bd}, {0x9ce, 0x9ce}, {0x9dc, 0x9dd}, {0x9df, 0x9e1}, {0x9f0, 0x9f1}, {0x9fc, 0x9fc},
    {0xa05, 0xa0a}, {0xa0f, 0xa10}, {0xa13, 0xa28}, {0xa2a, 0xa30}, {0xa32, 0xa33}, {0xa35, 0xa36},
    {0xa38, 0xa39}, {0xa59, 0xa5c}, {0xa5e, 0xa5e}, {0xa72, 0xa74}, {0xa85, 0xa8d}, {0xa8f, 0xa91},
    {0xa93, 0xaa8}, {0xaaa, 0xab0}, {0xab2, 0xab3}, {0xab5, 0xab9}, {0xabd, 0xabd}, {0xad0, 0xad0},
    {0xae0, 0xae1}, {0xaf9, 0xaf9}, {0xb05, 0xb0c}, {0xb0f, 0xb10}, {0xb13, 0xb28}, {0xb2a, 0xb30},
    {0xb32, 0xb33}, {0xb35, 0xb39}, {0xb3d, 0xb3d}, {0xb5c, 0xb5d}, {0xb5f, 0xb61}, {0xb71, 0xb71},
    {0xb83, 0xb83}, {0xb85, 0xb8a}, {0xb8e, 0xb90}, {0xb92, 0xb95}, {0xb99, 0xb9a}, {0xb9c, 0xb9c},
    {0xb9e, 0xb9f}, {0xba3, 0xba4}, {0xba8, 0xbaa}, {0xbae, 0xbb9}, {0xbd0, 0xbd0}, {0xc05, 0xc0c},
    {0xc0e, 0xc10}, {0xc12, 0xc28}, {0xc2a, 0xc39}, {0xc3d, 0xc3d}, {0xc58, 0xc5a}, {0xc60, 0xc61},
    {0xc80, 0xc80}, {0xc85, 0xc8c}, {0xc8e, 0xc90}, {0xc92, 0xca8}, {0xcaa, 0xcb3}, {0xcb5, 0xcb9},
    {0xcbd, 0xcbd}, {0xcde, 0xcde}, {0xce0, 0xce1}, {0xcf1, 0xcf2}, {0xd04, 0xd0c}, {0xd0e, 0xd10},
    {0xd12, 0xd3a}, {0xd3d, 0xd3d}, {0xd4e, 0xd4e}, {0xd54, 0xd56}, {0xd5f, 0xd61}, {0xd7a, 0xd7f},
    {0xd85, 0xd96}, {0xd9a, 0xdb1}, {0xdb3, 0xdbb}, {0xdbd, 0xdbd}, {0xdc0, 0xdc6}, {0xe01, 0xe30},
    {0xe32, 0xe33}, {0xe40, 0xe46}, {0xe81, 0xe82}, {0xe84, 0xe84}, {0xe86, 0xe8a}, {0xe8c, 0xea3},
    {0xea5, 0xea5}, {0xea7, 0xeb0}, {0xeb2, 0xeb3}, {0xebd, 0xebd}, {0xec0, 0xec4}, {0xec6, 0xec6},
    {0xedc, 0xedf}, {0xf00, 0xf00}, {0xf40, 0xf47}, {0xf49, 0xf6c}, {0xf88, 0xf8c},
    {0x1000, 0x102a}, {0x103f, 0x103f}, {0x1050, 0x1055}, {0x105a, 0x105d}, {0x1061, 0x1061},
    {0x1065, 0x1066}, {0x106e, 0x1070}, {0x1075, 0x1081}, {0x108e, 0x108e}, {0x10a0, 0x10c5},
    {0x10c7, 0x10c7}, {0x10cd, 0x10cd}, {0x10d0, 0x10fa}, {0x10fc, 0x1248}, {0x124a, 0x124d},
    {0x1250, 0x1256}, {0x1258, 0x1258}, {0x125a, 0x125d}, {0x1260, 0x1288}, {0x128a, 0x128d},
    {0x1290, 0x12b0}, {0x12b2, 0x12b5}, {0x12b8, 0x12be}, {0x12c0, 0x12c0}, {0x12c2, 0x12c5},
    {0x12c8, 0x12d6}, {0x12d8, 0x1310}, {0x1312, 0x1315}, {0x1318, 0x135a}, {0x1380, 0x138f},
    {0x13a0, 0x13f5}, {0x13f8, 0x13fd}, {0x1401, 0x166c}, {0x166f, 0x167f}, {0x1681, 0x169a},
    {0x16a0, 0x16ea}, {0x16ee, 0x16f8}, {0x1700, 0x170c}, {0x170e, 0x1711}, {0x1720, 0x1731},
    {0x1740, 0x1751}, {0x1760, 0x176c}, {0x176e, 0x1770}, {0x1780, 0x17b3}, {0x17d7, 0x17d7},
    {0x17dc, 0x17dc}, {0x1820, 0x1878}, {0x1880, 0x18a8}, {0x18aa, 0x18aa}, {0x18b0, 0x18f5},
    {0x1900, 0x191e}, {0x1950, 0x196d}, {0x1970, 0x1974}, {0x1980, 0x19ab}, {0x19b0, 0x19c9},
    {0x1a00, 0x1a16}, {0x1a20, 0x1a54}, {0x1aa7, 0x1aa7}, {0x1b05, 0x1b33}, {0x1b45, 0x1b4b},
    {0x1b83, 0x1ba0}, {0x1bae, 0x1baf}, {0x1bba, 0x1be5}, {0x1c00, 0x1c23}, {0x1c4d, 0x1c4f},
    {0x1c5a, 0x1c7d}, {0x1c80, 0x1c88}, {0x1c90, 0x1cba}, {0x1cbd, 0x1cbf}, {0x1ce9, 0x1cec},
    {0x1cee, 0x1cf3}, {0x1cf5, 0x1cf6}, {0x1cfa, 0x1cfa}, {0x1d00, 0x1dbf}, {0x1e00, 0x1f15},
    {0x1f18, 0x1f1d}, {0x1f20, 0x1f45}, {0x1f48, 0x1f4d}, {0x1f50, 0x1f57}, {0x1f59, 0x1f59},
    {0x1f5b, 0x1f5b}, {0x1f5d, 0x1f5d}, {0x1f5f, 0x1f7d}, {0x1f80, 0x1fb4}, {0x1fb6, 0x1fbc},
    {0x1fbe, 0x1fbe}, {0x1fc2, 0x1fc4}, {0x1fc6, 0x1fcc}, {0x1fd0, 0x1fd3}, {0x1fd6, 0x1fdb},
    {0x1fe0, 0x1fec}, {0x1ff2, 0x1ff4}, {0x1ff6, 0x1ffc}, {0x2071, 0x2071}, {0x207f, 0x207f},
    {0x2090, 0x209c}, {0x2102, 0x2102}, {0x2107, 0x2107}, {0x210a, 0x2113}, {0x2115, 0x2115},
    {0x2118, 0x211d}, {0x2124, 0x2124}, {0x2126, 0x2126}, {0x2128, 0x2128}, {0x212a, 0x2139},
    {0x213c, 0x213f}, {0x2145, 0x2149}, {0x214e, 0x214e}, {0x2160, 0x2188}, {0x2c00, 0x2c2e},
    {0x2c30, 0x2c5e}, {0x2c60, 0x2ce4}, {0x2ceb, 0x2cee}, {0x2cf2, 0x2cf3}, {0x2d00, 0x2d25},
    {0x2d27, 0x2d27}, {0x2d2d, 0x2d2d}, {0x2d30, 0x2d67}, {0x2d6f, 0x2d6f}, {0x2d80, 0x2d96},
    {0x2da0, 0x2da6}, {0x2da8, 0x2dae}, {0x2db0, 0x2db6}, {0x2db8, 0x2dbe}, {0x2dc0, 0x2dc6},
    {0x2dc8, 0x2dce}, {0x2dd0, 0x2dd6}, {0x2dd8, 0x2dde}, {0x3005, 0x3007}, {0x3021, 0x3029},
    {0x3031, 0x3035}, {0x3038, 0x303c}, {0x3041, 0x3096}, {0x309b, 0x309f}, {0x30a1, 0x30fa},
    {0x30fc, 0x30ff}, {0x3105, 0x312f}, {0x3131, 0x318e}, {0x31a0, 0x31bf}, {0x31f0, 0x31ff},
    {0x3400, 0x4dbf}, {0x4e00, 0x9ffc}, {0xa000, 0xa48c}, {0xa4d0, 0xa4fd}, {0xa500, 0xa60c},
    {0xa610, 0xa61f}, {0xa62a, 0xa62b}, {0xa640, 0xa66e}, {0xa67f, 0xa69d}, {0xa6a0, 0xa6ef},
    {0xa717, 0xa71f}, {0xa722, 0xa788}, {0xa78b, 0xa7bf}, {0xa7c2, 0xa7ca}, {0xa7f5, 0xa801},
    {0xa803, 0xa805}, {0xa807, 0xa80a}, {0xa80c, 0xa822}, {0xa840, 0xa873}, {0xa882, 0xa8b3},
    {0xa8f2, 0xa8f7}, {0xa8fb, 0xa8fb}, {0xa8fd, 0xa8fe}, {0xa90a, 0xa925}, {0xa930, 0xa946},
    {0xa960, 0xa97c}, {0xa984, 0xa9b2}, {0xa9cf, 0xa9cf}, {0xa9e0, 0xa9e4}, {0xa9e6, 0xa9ef},
    {0xa9fa, 0xa9fe}, {0xaa00, 0xaa28}, {0xaa40, 0xaa42}, {0xaa44, 0xaa4b}, {0xaa60, 0xaa76},
    {0xaa7a, 0xaa7a}, {0xaa7e, 0xaaaf}, {0xaab1, 0xaab1}, {0xaab5, 0xaab6}, {0xaab9, 0xaabd},
    {0xaac0, 0xaac0}, {0xaac2, 0xaac2}, {0xaadb, 0xaadd}, {0xaae0, 0xaaea}, {0xaaf2, 0xaaf4},
    {0xab01, 0xab06}, {0xab09, 0xab0e}, {0xab11, 0xab16}, {0xab20, 0xab26}, {0xab28, 0xab2e},
    {0xab30, 0xab5a}, {0xab5c, 0xab69}, {0xab70, 0xabe2}, {0xac00, 0xd7a3}, {0xd7b0, 0xd7c6},
    {0xd7cb, 0xd7fb}, {0xf900, 0xfa6d}, {0xfa70, 0xfad9}, {0xfb00, 0xfb06}, {0xfb13, 0xfb17},
    {0xfb1d, 0xfb1d}, {0xfb1f, 0xfb28}, {0xfb2a, 0xfb36}, {0xfb38, 0xfb3c}, {0xfb3e, 0xfb3e},
    {0xfb40, 0xfb41}, {0xfb43, 0xfb44}, {0xfb46, 0xfbb1}, {0xfbd3, 0xfd3d}, {0xfd50, 0xfd8f},
    {0xfd92, 0xfdc7}, {0xfdf0, 0xfdfb}, {0xfe70, 0xfe74}, {0xfe76, 0xfefc}, {0xff21, 0xff3a},
    {0xff41, 0xff5a}, {0xff66, 0xffbe}, {0xffc2, 0xffc7}, {0xffca, 0xffcf}, {0xffd2, 0xffd7},
    {0xffda, 0xffdc}, {0x10000, 0x1000b}, {0x1000d, 0x10026}, {0x10028, 0x1003a},
    {0x1003c, 0x1003d}, {0x1003f, 0x1004d}, {0x10050, 0x1005d}, {0x10080, 0x100fa},
    {0x10140, 0x10174}, {0x10280, 0x1029c}, {0x102a0, 0x102d0}, {0x10300, 0x1031f},
    {0x1032d, 0x1034a}, {0x10350, 0x10375}, {0x10380, 0x1039d}, {0x103a0, 0x103c3},
    {0x103c8, 0x103cf}, {0x103d1, 0x103d5}, {0x10400, 0x1049d}, {0x104b0, 0x104d3},
    {0x104d8, 0x104fb}, {0x10500, 0x10527}, {0x10530, 0x10563}, {0x10600, 0x10736},
    {0x10740, 0x10755}, {0x10760, 0x10767}, {0x10800, 0x10805}, {0x10808, 0x10808},
    {0x1080a, 0x10835}, {0x10837, 0x10838}, {0x1083c, 0x1083c}, {0x1083f, 0x10855},
    {0x10860, 0x10876}, {0x10880, 0x1089e}, {0x108e0, 0x108f2}, {0x108f4, 0x108f5},
    {0x10900, 0x10915}, {0x10920, 0x10939}, {0x10980, 0x109b7}, {0x109be, 0x109bf},
    {0x10a00, 0x10a00}, {0x10a10, 0x10a13}, {0x10a15, 0x10a17}, {0x10a19, 0x10a35},
    {0x10a60, 0x10a7c}, {0x10a80, 0x10a9c}, {0x10ac0, 0x10ac7}, {0x10ac9, 0x10ae4},
    {0x10b00, 0x10b35}, {0x10b40, 0x10b55}, {0x10b60, 0x10b72}, {0x10b80, 0x10b91},
    {0x10c00, 0x10c48}, {0x10c80, 0x10cb2}, {0x10cc0, 0x10cf2}, {0x10d00, 0x10d23},
    {0x10e80, 0x10ea9}, {0x10eb0, 0x10eb1}, {0x10f00, 0x10f1c}, {0x10f27, 0x10f27},
    {0x10f30, 0x10f45}, {0x10fb0, 0x10fc4}, {0x10fe0, 0x10ff6}, {0x11003, 0x11037},
    {0x11083, 0x110af}, {0x110d0, 0x110e8}, {0x11103, 0x11126}, {0x11144, 0x11144},
    {0x11147, 0x11147}, {0x11150, 0x11172}, {0x11176, 0x11176}, {0x11183, 0x111b2},
    {0x111c1, 0x111c4}, {0x111da, 0x111da}, {0x111dc, 0x111dc}, {0x11200, 0x11211},
    {0x11213, 0x1122b}, {0x11280, 0x11286}, {0x11288, 0x11288}, {0x1128a, 0x1128d},
    {0x1128f, 0x1129d}, {0x1129f, 0x112a8}, {0x112b0, 0x112de}, {0x11305, 0x1130c},
    {0x1130f, 0x11310}, {0x11313, 0x11328}, {0x1132a, 0x11330}, {0x11332, 0x11333},
    {0x11335, 0x11339}, {0x1133d, 0x1133d}, {0x11350, 0x11350}, {0x1135d, 0x11361},
    {0x11400, 0x11434}, {0x11447, 0x1144a}, {0x1145f, 0x11461}, {0x11480, 0x114af},
    {0x114c4, 0x114c5}, {0x114c7, 0x114c7}, {0x11580, 0x115ae}, {0x115d8, 0x115db},
    {0x11600, 0x1162f}, {0x11644, 0x11644}, {0x11680, 0x116aa}, {0x116b8, 0x116b8},
    {0x11700, 0x1171a}, {0x11800, 0x1182b}, {0x118a0, 0x118df}, {0x118ff, 0x11906},
    {0x11909, 0x11909}, {0x1190c, 0x11913}, {0x11915, 0x11916}, {0x11918, 0x1192f},
    {0x1193f, 0x1193f}, {0x11941, 0x11941}, {0x119a0, 0x119a7}, {0x119aa, 0x119d0},
    {0x119e1, 0x119e1}, {0x119e3, 0x119e3}, {0x11a00, 0x11a00}, {0x11a0b, 0x11a32},
    {0x11a3a, 0x11a3a}, {0x11a50, 0x11a50}, {0x11a5c, 0x11a89}, {0x11a9d, 0x11a9d},
    {0x11ac0, 0x11af8}, {0x11c00, 0x11c08}, {0x11c0a, 0x11c2e}, {0x11c40, 0x11c40},
    {0x11c72, 0x11c8f}, {0x11d00, 0x11d06}, {0x11d08, 0x11d09}, {0x11d0b, 0x11d30},
    {0x11d46, 0x11d46}, {0x11d60, 0x11d65}, {0x11d67, 0x11d68}, {0x11d6a, 0x11d89},
    {0x11d98, 0x11d98}, {0x11ee0, 0x11ef2}, {0x11fb0, 0x11fb0}, {0x12000, 0x12399},
    {0x12400, 0x1246e}, {0x12480, 0x12543}, {0x13000, 0x1342e}, {0x14400, 0x14646},
    {0x16800, 0x16a38}, {0x16a40, 0x16a5e}, {0x16ad0, 0x16aed}, {0x16b00, 0x16b2f},
    {0x16b40, 0x16b43}, {0x16b63, 0x16b77}, {0x16b7d, 0x16b8f}, {0x16e40, 0x16e7f},
    {0x16f00, 0x16f4a}, {0x16f50, 0x16f50}, {0x16f93, 0x16f9f}, {0x16fe0, 0x16fe1},
    {0x16fe3, 0x16fe3}, {0x17000, 0x187f7}, {0x18800, 0x18cd5}, {0x18d00, 0x18d08},
    {0x1b000, 0x1b11e}, {0x1b150, 0x1b152}, {0x1b164, 0x1b167}, {0x1b170, 0x1b2fb},
    {0x1bc00, 0x1bc6a}, {0x1bc70, 0x1bc7c}, {0x1bc80, 0x1bc88}, {0x1bc90, 0x1bc99},
    {0x1d400, 0x1d454}, {0x1d456, 0x1d49c}, {0x1d49e, 0x1d49f}, {0x1d4a2, 0x1d4a2},
    {0x1d4a5, 0x1d4a6}, {0x1d4a9, 0x1d4ac}, {0x1d4ae, 0x1d4b9}, {0x1d4bb, 0x1d4bb},
    {0x1d4bd, 0x1d4c3}, {0x1d4c5, 0x1d505}, {0x1d507, 0x1d50a}, {0x1d50d, 0x1d514},
    {0x1d516, 0x1d51c}, {0x1d51e, 0x1d539}, {0x1d53b, 0x1d53e}, {0x1d540, 0x1d544},
    {0x1d546, 0x1d546}, {0x1d54a, 0x1d550}, {0x1d552, 0x1d6a5}, {0x1d6a8, 0x1d6c0},
    {0x1d6c2, 0x1d6da}, {0x1d6dc, 0x1d6fa}, {0x1d6fc, 0x1d714}, {0x1d716, 0x1d734},
    {0x1d736, 0x1d74e}, {0x1d750, 0x1d76e}, {0x1d770, 0x1d788}, {0x1d78a, 0x1d7a8},
    {0x1d7aa, 0x1d7c2}, {0x1d7c4, 0x1d7cb}, {0x1e100, 0x1e12c}, {0x1e137, 0x1e13d},
    {0x1e14e, 0x1e14e}, {0x1e2c0, 0x1e2eb}, {0x1e800, 0x1e8c4}, {0x1e900, 0x1e943},
    {0x1e94b, 0x1e94b}, {0x1ee00, 0x1ee03}, {0x1ee05, 0x1ee1f}, {0x1ee21, 0x1ee22},
    {0x1ee24, 0x1ee24}, {0x1ee27, 0x1ee27}, {0x1ee29, 0x1ee32}, {0x1ee34, 0x1ee37},
    {0x1ee39, 0x1ee39}, {0x1ee3b, 0x1ee3b}, {0x1ee42, 0x1ee42}, {0x1ee47, 0x1ee47},
    {0x1ee49, 0x1ee49}, {0x1ee4b, 0x1ee4b}, {0x1ee4d, 0x1ee4f}, {0x1ee51, 0x1ee52},
    {0x1ee54, 0x1ee54}, {0x1ee57, 0x1ee57}, {0x1ee59, 0x1ee59}, {0x1ee5b, 0x1ee5b},
    {0x1ee5d, 0x1ee5d}, {0x1ee5f, 0x1ee5f}, {0x1ee61, 0x1ee62}, {0x1ee64, 0x1ee64},
    {0x1ee67, 0x1ee6a}, {0x1ee6c, 0x1ee72}, {0x1ee74, 0x1ee77}, {0x1ee79, 0x1ee7c},
    {0x1ee7e, 0x1ee7e}, {0x1ee80, 0x1ee89}, {0x1ee8b, 0x1ee9b}, {0x1eea1, 0x1eea3},
    {0x1eea5, 0x1eea9}, {0x1eeab, 0x1eebb}, {0x20000, 0x2a6dd}, {0x2a700, 0x2b734},
    {0x2b740, 0x2b81d}, {0x2b820, 0x2cea1}, {0x2ceb0, 0x2ebe0}, {0x2f800, 0x2fa1d},
    {0x30000, 0x3134a},
};
static const uint32_t cjs_id_continue[][2] = {
    {0xaa, 0xaa}, {0xb5, 0xb5}, {0xb7, 0xb7}, {0xba, 0xba}, {0xc0, 0xd6}, {0xd8, 0xf6},
    {0xf8, 0x2c1}, {0x2c6, 0x2d1}, {0x2e0, 0x2e4}, {0x2ec, 0x2ec}, {0x2ee, 0x2ee}, {0x300, 0x374},
    {0x376, 0x377}, {0x37a, 0x37d}, {0x37f, 0x37f}, {0x386, 0x38a}, {0x38c, 0x38c}, {0x38e, 0x3a1},
    {0x3a3, 0x3f5}, {0x3f7, 0x481}, {0x483, 0x487}, {0x48a, 0x52f}, {0x531, 0x556}, {0x559, 0x559},
    {0x560, 0x588}, {0x591, 0x5bd}, {0x5bf, 0x5bf}, {0x5c1, 0x5c2}, {0x5c4, 0x5c5}, {0x5c7, 0x5c7},
    {0x5d0, 0x5ea}, {0x5ef, 0x5f2}, {0x610, 0x61a}, {0x620, 0x669}, {0x66e, 0x6d3}, {0x6d5, 0x6dc},
    {0x6df, 0x6e8}, {0x6ea, 0x6fc}, {0x6ff, 0x6ff}, {0x710, 0x74a}, {0x74d, 0x7b1}, {0x7c0, 0x7f5},
    {0x7fa, 0x7fa}, {0x7fd, 0x7fd}, {0x800, 0x82d}, {0x840, 0x85b}, {0x860, 0x86a}, {0x8a0, 0x8b4},
    {0x8b6, 0x8c7}, {0x8d3, 0x8e1}, {0x8e3, 0x963}, {0x966, 0x96f}, {0x971, 0x983}, {0x985, 0x98c},
    {0x98f, 0x990}, {0x993, 0x9a8}, {0x9aa, 0x9b0}, {0x9b2, 0x9b2}, {0x9b6, 0x9b9}, {0x9bc, 0x9c4},
    {0x9c7, 0x9c8}, {0x9cb, 0x9ce}, {0x9d7, 0x9d7}, {0x9dc, 0x9dd}, {0x9df, 0x9e3}, {0x9e6, 0x9f1},
    {0x9fc, 0x9fc}, {0x9fe, 0x9fe}, {0xa01, 0xa03}, {0xa05, 0xa0a}, {0xa0f, 0xa10}, {0xa13, 0xa28},
    {0xa2a, 0xa30}, {0xa32, 0xa33}, {0xa35, 0xa36}, {0xa38, 0xa39}, {0xa3c, 0xa3c}, {0xa3e, 0xa42},
    {0xa47, 0xa48}, {0xa4b, 0xa4d}, {0xa51, 0xa51}, {0xa59, 0xa5c}, {0xa5e, 0xa5e}, {0xa66, 0xa75},
    {0xa81, 0xa83}, {0xa85, 0xa8d}, {0xa8f, 0xa91}, {0xa93, 0xaa8}, {0xaaa, 0xab0}, {0xab2, 0xab3},
    {0xab5, 0xab9}, {0xabc, 0xac5}, {0xac7, 0xac9}, {0xacb, 0xacd}, {0xad0, 0xad0}, {0xae0, 0xae3},
    {0xae6, 0xaef}, {0xaf9, 0xaff}, {0xb01, 0xb03}, {0xb05, 0xb0c}, {0xb0f, 0xb10}, {0xb13, 0xb28},
    {0xb2a, 0xb30}, {0xb32, 0xb33}, {0xb35, 0xb39}, {0xb3c, 0xb44}, {0xb47, 0xb48}, {0xb4b, 0xb4d},
    {0xb55, 0xb57}, {0xb5c, 0xb5d}, {0xb5f, 0xb63}, {0xb66, 0xb6f}, {0xb71, 0xb71}, {0xb82, 0xb83},
    {0xb85, 0xb8a}, {0xb8e, 0xb90}, {0xb92, 0xb95}, {0xb99, 0xb9a}, {0xb9c, 0xb9c}, {0xb9e, 0xb9f},
    {0xba3, 0xba4}, {0xba8, 0xbaa}, {0xbae, 0xbb9}, {0xbbe, 0xbc2}, {0xbc6, 0xbc8}, {0xbca, 0xbcd},
    {0xbd0, 0xbd0}, {0xbd7, 0xbd7}, {0xbe6, 0xbef}, {0xc00, 0xc0c}, {0xc0e, 0xc10}, {0xc12, 0xc28},
    {0xc2a, 0xc39}, {0xc3d, 0xc44}, {0xc46, 0xc48}, {0xc4a, 0xc4d}, {0xc55, 0xc56}, {0xc58, 0xc5a},
    {0xc60, 0xc63}, {0xc66, 0xc6f}, {0xc80, 0xc83}, {0xc85, 0xc8c}, {0xc8e, 0xc90}, {0xc92, 0xca8},
    {0xcaa, 0xcb3}, {0xcb5, 0xcb9}, {0xcbc, 0xcc4}, {0xcc6, 0xcc8}, {0xcca, 0xccd}, {0xcd5, 0xcd6},
    {0xcde, 0xcde}, {0xce0, 0xce3}, {0xce6, 0xcef}, {0xcf1, 0xcf2}, {0xd00, 0xd0c}, {0xd0e, 0xd10},
    {0xd12, 0xd44}, {0xd46, 0xd48}, {0xd4a, 0xd4e}, {0xd54, 0xd57}, {0xd5f, 0xd63}, {0xd66, 0xd6f},
    {0xd7a, 0xd7f}, {0xd81, 0xd83}, {0xd85, 0xd96}, {0xd9a, 0xdb1}, {0xdb3, 0xdbb}, {0xdbd, 0xdbd},
    {0xdc0, 0xdc6}, {0xdca, 0xdca}, {0xdcf, 0xdd4}, {0xdd6, 0xdd6}, {0xdd8, 0xddf}, {0xde6, 0xdef},
    {0xdf2, 0xdf3}, {0xe01, 0xe3a}, {0xe40, 0xe4e}, {0xe50, 0xe59}, {0xe81, 0xe82}, {0xe84, 0xe84},
    {0xe86, 0xe8a}, {0xe8c, 0xea3}, {0xea5, 0xea5}, {0xea7, 0xebd}, {0xec0, 0xec4}, {0xec6, 0xec6},
    {0xec8, 0xecd}, {0xed0, 0xed9}, {0xedc, 0xedf}, {0xf00, 0xf00}, {0xf18, 0xf19}, {0xf20, 0xf29},
    {0xf35, 0xf35}, {0xf37, 0xf37}, {0xf39, 0xf39}, {0xf3e, 0xf47}, {0xf49, 0xf6c}, {0xf71, 0xf84},
    {0xf86, 0xf97}, {0xf99, 0xfbc}, {0xfc6, 0xfc6}, {0x1000, 0x1049}, {0x1050, 0x109d},
    {0x10a0, 0x10c5}, {0x10c7, 0x10c7}, {0x10cd, 0x10cd}, {0x10d0, 0x10fa}, {0x10fc, 0x1248},
    {0x124a, 0x124d}, {0x1250, 0x1256}, {0x1258, 0x1258}, {0x125a, 0x125d}, {0x1260, 0x1288},
    {0x128a, 0x128d}, {0x1290, 0x12b0}, {0x12b2, 0x12b5}, {0x12b8, 0x12be}, {0x12c0, 0x12c0},
    {0x12c2, 0x12c5}, {0x12c8, 0x12d6}, {0x12d8, 0x1310}, {0x1312, 0x1315}, {0x1318, 0x135a},
    {0x135d, 0x135f}, {0x1369, 0x1371}, {0x1380, 0x138f}, {0x13a0, 0x13f5}, {0x13f8, 0x13fd},
    {0x1401, 0x166c}, {0x166f, 0x167f}, {0x1681, 0x169a}, {0x16a0, 0x16ea}, {0x16ee, 0x16f8},
    {0x1700, 0x170c}, {0x170e, 0x1714}, {0x1720, 0x1734}, {0x1740, 0x1753}, {0x1760, 0x176c},
    {0x176e, 0x1770}, {0x1772, 0x1773}, {0x1780, 0x17d3}, {0x17d7, 0x17d7}, {0x17dc, 0x17dd},
    {0x17e0, 0x17e9}, {0x180b, 0x180d}, {0x1810, 0x1819}, {0x1820, 0x1878}, {0x1880, 0x18aa},
    {0x18b0, 0x18f5}, {0x1900, 0x191e}, {0x1920, 0x192b}, {0x1930, 0x193b}, {0x1946, 0x196d},
    {0x1970, 0x1974}, {0x1980, 0x19ab}, {0x19b0, 0x19c9}, {0x19d0, 0x19da}, {0x1a00, 0x1a1b},
    {0x1a20, 0x1a5e}, {0x1a60, 0x1a7c}, {0x1a7f, 0x1a89}, {0x1a90, 0x1a99}, {0x1aa7, 0x1aa7},
    {0x1ab0, 0x1abd}, {0x1abf, 0x1ac0}, {0x1b00, 0x1b4b}, {0x1b50, 0x1b59}, {0x1b6b, 0x1b73},
    {0x1b80, 0x1bf3}, {0x1c00, 0x1c37}, {0x1c40, 0x1c49}, {0x1c4d, 0x1c7d}, {0x1c80, 0x1c88},
    {0x1c90, 0x1cba}, {0x1cbd, 0x1cbf}, {0x1cd0, 0x1cd2}, {0x1cd4, 0x1cfa}, {0x1d00, 0x1df9},
    {0x1dfb, 0x1f15}, {0x1f18, 0x1f1d}, {0x1f20, 0x1f45}, {0x1f48, 0x1f4d}, {0x1f50, 0x1f57},
    {0x1f59, 0x1f59}, {0x1f5b, 0x1f5b}, {0x1f5d, 0x1f5d}, {0x1f5f, 0x1f7d}, {0x1f80, 0x1fb4},
    {0x1fb6, 0x1fbc}, {0x1fbe, 0x1fbe}, {0x1fc2, 0x1fc4}, {0x1fc6, 0x1fcc}, {0x1fd0, 0x1fd3},
    {0x1fd6, 0x1fdb}, {0x1fe0, 0x1fec}, {0x1ff2, 0x1ff4}, {0x1ff6, 0x1ffc}, {0x200c, 0x200d},
    {0x203f, 0x2040}, {0x2054, 0x2054}, {0x2071, 0x2071}, {0x207f, 0x207f}, {0x2090, 0x209c},
    {0x20d0, 0x20dc}, {0x20e1, 0x20e1}, {0x20e5, 0x20f0}, {0x2102, 0x2102}, {0x2107, 0x2107},
    {0x210a, 0x2113}, {0x2115, 0x2115}, {0x2118, 0x211d}, {0x2124, 0x2124}, {0x2126, 0x2126},
    {0x2128, 0x2128}, {0x212a, 0x2139}, {0x213c, 0x213f}, {0x2145, 0x2149}, {0x214e, 0x214e},
    {0x2160, 0x2188}, {0x2c00, 0x2c2e}, {0x2c30, 0x2c5e}, {0x2c60, 0x2ce4}, {0x2ceb, 0x2cf3},
    {0x2d00, 0x2d25}, {0x2d27, 0x2d27}, {0x2d2d, 0x2d2d}, {0x2d30, 0x2d67}, {0x2d6f, 0x2d6f},
    {0x2d7f, 0x2d96}, {0x2da0, 0x2da6}, {0x2da8, 0x2dae}, {0x2db0, 0x2db6}, {0x2db8, 0x2dbe},
    {0x2dc0, 0x2dc6}, {0x2dc8, 0x2dce}, {0x2dd0, 0x2dd6}, {0x2dd8, 0x2dde}, {0x2de0, 0x2dff},
    {0x3005, 0x3007}, {0x3021, 0x302f}, {0x3031, 0x3035}, {0x3038, 0x303c}, {0x3041, 0x3096},
    {0x3099, 0x309f}, {0x30a1, 0x30fa}, {0x30fc, 0x30ff}, {0x3105, 0x312f}, {0x3131, 0x318e},
    {0x31a0, 0x31bf}, {0x31f0, 0x31ff}, {0x3400, 0x4dbf}, {0x4e00, 0x9ffc}, {0xa000, 0xa48c},
    {0xa4d0, 0xa4fd}, {0xa500, 0xa60c}, {0xa610, 0xa62b}, {0xa640, 0xa66f}, {0xa674, 0xa67d},
    {0xa67f, 0xa6f1}, {0xa717, 0xa71f}, {0xa722, 0xa788}, {0xa78b, 0xa7bf}, {0xa7c2, 0xa7ca},
    {0xa7f5, 0xa827}, {0xa82c, 0xa82c}, {0xa840, 0xa873}, {0xa880, 0xa8c5}, {0xa8d0, 0xa8d9},
    {0xa8e0, 0xa8f7}, {0xa8fb, 0xa8fb}, {0xa8fd, 0xa92d}, {0xa930, 0xa953}, {0xa960, 0xa97c},
    {0xa980, 0xa9c0}, {0xa9cf, 0xa9d9}, {0xa9e0, 0xa9fe}, {0xaa00, 0xaa36}, {0xaa40, 0xaa4d},
    {0xaa50, 0xaa59}, {0xaa60, 0xaa76}, {0xaa7a, 0xaac2}, {0xaadb, 0xaadd}, {0xaae0, 0xaaef},
    {0xaaf2, 0xaaf6}, {0xab01, 0xab06}, {0xab09, 0xab0e}, {0xab11, 0xab16}, {0xab20, 0xab26},
    {0xab28, 0xab2e}, {0xab30, 0xab5a}, {0xab5c, 0xab69}, {0xab70, 0xabea}, {0xabec, 0xabed},
    {0xabf0, 0xabf9}, {0xac00, 0xd7a3}, {0xd7b0, 0xd7c6}, {0xd7cb, 0xd7fb}, {0xf900, 0xfa6d},
    {0xfa70, 0xfad9}, {0xfb00, 0xfb06}, {0xfb13, 0xfb17}, {0xfb1d, 0xfb28}, {0xfb2a, 0xfb36},
    {0xfb38, 0xfb3c}, {0xfb3e, 0xfb3e}, {0xfb40, 0xfb41}, {0xfb43, 0xfb44}, {0xfb46, 0xfbb1},
    {0xfbd3, 0xfd3d}, {0xfd50, 0xfd8f}, {0xfd92, 0xfdc7}, {0xfdf0, 0xfdfb}, {0xfe00, 0xfe0f},
    {0xfe20, 0xfe2f}, {0xfe33, 0xfe34}, {0xfe4d, 0xfe4f}, {0xfe70, 0xfe74}, {0xfe76, 0xfefc},
    {0xff10, 0xff19}, {0xff21, 0xff3a}, {0xff3f, 0xff3f}, {0xff41, 0xff5a}, {0xff66, 0xffbe},
    {0xffc2, 0xffc7}, {0xffca, 0xffcf}, {0xffd2, 0xffd7}, {0xffda, 0xffdc}, {0x10000, 0x1000b},
    {0x1000d, 0x10026}, {0x10028, 0x1003a}, {0x1003c, 0x1003d}, {0x1003f, 0x1004d},
    {0x10050, 0x1005d}, {0x10080, 0x100fa}, {0x10140, 0x10174}, {0x101fd, 0x101fd},
    {0x10280, 0x1029c}, {0x102a0, 0x102d0}, {0x102e0, 0x102e0}, {0x10300, 0x1031f},
    {0x1032d, 0x1034a}, {0x10350, 0x1037a}, {0x10380, 0x1039d}, {0x103a0, 0x103c3},
    {0x103c8, 0x103cf}, {0x103d1, 0x103d5}, {0x10400, 0x1049d}, {0x104a0, 0x104a9},
    {0x104b0, 0x104d3}, {0x104d8, 0x104fb}, {0x10500, 0x10527}, {0x10530, 0x10563},
    {0x10600, 0x10736}, {0x10740, 0x10755}, {0x10760, 0x10767}, {0x10800, 0x10805},
    {0x10808, 0x10808}, {0x1080a, 0x10835}, {0x10837, 0x10838}, {0x1083c, 0x1083c},
    {0x1083f, 0x10855}, {0x10860, 0x10876}, {0x10880, 0x1089e}, {0x108e0, 0x108f2},
    {0x108f4, 0x108f5}, {0x10900, 0x10915}, {0x10920, 0x10939}, {0x10980, 0x109b7},
    {0x109be, 0x109bf}, {0x10a00, 0x10a03}, {0x10a05, 0x10a06}, {0x10a0c, 0x10a13},
    {0x10a15, 0x10a17}, {0x10a19, 0x10a35}, {0x10a38, 0x10a3a}, {0x10a3f, 0x10a3f},
    {0x10a60, 0x10a7c}, {0x10a80, 0x10a9c}, {0x10ac0, 0x10ac7}, {0x10ac9, 0x10ae6},
    {0x10b00, 0x10b35}, {0x10b40, 0x10b55}, {0x10b60, 0x10b72}, {0x10b80, 0x10b91},
    {0x10c00, 0x10c48}, {0x10c80, 0x10cb2}, {0x10cc0, 0x10cf2}, {0x10d00, 0x10d27},
    {0x10d30, 0x10d39}, {0x10e80, 0x10ea9}, {0x10eab, 0x10eac}, {0x10eb0, 0x10eb1},
    {0x10f00, 0x10f1c}, {0x10f27, 0x10f27}, {0x10f30, 0x10f50}, {0x10fb0, 0x10fc4},
    {0x10fe0, 0x10ff6}, {0x11000, 0x11046}, {0x11066, 0x1106f}, {0x1107f, 0x110ba},
    {0x110d0, 0x110e8}, {0x110f0, 0x110f9}, {0x11100, 0x11134}, {0x11136, 0x1113f},
    {0x11144, 0x11147}, {0x11150, 0x11173}, {0x11176, 0x11176}, {0x11180, 0x111c4},
    {0x111c9, 0x111cc}, {0x111ce, 0x111da}, {0x111dc, 0x111dc}, {0x11200, 0x11211},
    {0x11213, 0x11237}, {0x1123e, 0x1123e}, {0x11280, 0x11286}, {0x11288, 0x11288},
    {0x1128a, 0x1128d}, {0x1128f, 0x1129d}, {0x1129f, 0x112a8}, {0x112b0, 0x112ea},
    {0x112f0, 0x112f9}, {0x11300, 0x11303}, {0x11305, 0x1130c}, {0x1130f, 0x11310},
    {0x11313, 0x11328}, {0x1132a, 0x11330}, {0x11332, 0x11333}, {0x11335, 0x11339},
    {0x1133b, 0x11344}, {0x11347, 0x11348}, {0x1134b, 0x1134d}, {0x11350, 0x11350},
    {0x11357, 0x11357}, {0x1135d, 0x11363}, {0x11366, 0x1136c}, {0x11370, 0x11374},
    {0x11400, 0x1144a}, {0x11450, 0x11459}, {0x1145e, 0x11461}, {0x11480, 0x114c5},
    {0x114c7, 0x114c7}, {0x114d0, 0x114d9}, {0x11580, 0x115b5}, {0x115b8, 0x115c0},
    {0x115d8, 0x115dd}, {0x11600, 0x11640}, {0x11644, 0x11644}, {0x11650, 0x11659},
    {0x11680, 0x116b8}, {0x116c0, 0x116c9}, {0x11700, 0x1171a}, {0x1171d, 0x1172b},
    {0x11730, 0x11739}, {0x11800, 0x1183a}, {0x118a0, 0x118e9}, {0x118ff, 0x11906},
    {0x11909, 0x11909}, {0x1190c, 0x11913}, {0x11915, 0x11916}, {0x11918, 0x11935},
    {0x11937, 0x11938}, {0x1193b, 0x11943}, {0x11950, 0x11959}, {0x119a0, 0x119a7},
    {0x119aa, 0x119d7}, {0x119da, 0x119e1}, {0x119e3, 0x119e4}, {0x11a00, 0x11a3e},
    {0x11a47, 0x11a47}, {0x11a50, 0x11a99}, {0x11a9d, 0x11a9d}, {0x11ac0, 0x11af8},
    {0x11c00, 0x11c08}, {0x11c0a, 0x11c36}, {0x11c38, 0x11c40}, {0x11c50, 0x11c59},
    {0x11c72, 0x11c8f}, {0x11c92, 0x11ca7}, {0x11ca9, 0x11cb6}, {0x11d00, 0x11d06},
    {0x11d08, 0x11d09}, {0x11d0b, 0x11d36}, {0x11d3a, 0x11d3a}, {0x11d3c, 0x11d3d},
    {0x11d3f, 0x11d47}, {0x11d50, 0x11d59}, {0x11d60, 0x11d65}, {0x11d67, 0x11d68},
    {0x11d6a, 0x11d8e}, {0x11d90, 0x11d91}, {0x11d93, 0x11d98}, {0x11da0, 0x11da9},
    {0x11ee0, 0x11ef6}, {0x11fb0, 0x11fb0}, {0x12000, 0x12399}, {0x12400, 0x1246e},
    {0x12480, 0x12543}, {0x13000, 0x1342e}, {0x14400, 0x14646}, {0x16800, 0x16a38},
    {0x16a40, 0x16a5e}, {0x16a60, 0x16a69}, {0x16ad0, 0x16aed}, {0x16af0, 0x16af4},
    {0x16b00, 0x16b36}, {0x16b40, 0x16b43}, {0x16b50, 0x16b59}, {0x16b63, 0x16b77},
    {0x16b7d, 0x16b8f}, {0x16e40, 0x16e7f}, {0x16f00, 0x16f4a}, {0x16f4f, 0x16f87},
    {0x16f8f, 0x16f9f}, {0x16fe0, 0x16fe1}, {0x16fe3, 0x16fe4}, {0x16ff0, 0x16ff1},
    {0x17000, 0x187f7}, {0x18800, 0x18cd5}, {0x18d00, 0x18d08}, {0x1b000, 0x1b11e},
    {0x1b150, 0x1b152}, {0x1b164, 0x1b167}, {0x1b170, 0x1b2fb}, {0x1bc00, 0x1bc6a},
    {0x1bc70, 0x1bc7c}, {0x1bc80, 0x1bc88}, {0x1bc90, 0x1bc99}, {0x1bc9d, 0x1bc9e},
    {0x1d165, 0x1d169}, {0x1d16d, 0x1d172}, {0x1d17b, 0x1d182}, {0x1d185, 0x1d18b},
    {0x1d1aa, 0x1d1ad}, {0x1d242, 0x1d244}, {0x1d400, 0x1d454}, {0x1d456, 0x1d49c},
    {0x1d49e, 0x1d49f}, {0x1d4a2, 0x1d4a2}, {0x1d4a5, 0x1d4a6}, {0x1d4a9, 0x1d4ac},
    {0x1d4ae, 0x1d4b9}, {0x1d4bb, 0x1d4bb}, {0x1d4bd, 0x1d4c3}, {0x1d4c5, 0x1d505},
    {0x1d507, 0x1d50a}, {0x1d50d, 0x1d514}, {0x1d516, 0x1d51c}, {0x1d51e, 0x1d539},
    {0x1d53b, 0x1d53e}, {0x1d540, 0x1d544}, {0x1d546, 0x1d546}, {0x1d54a, 0x1d550},
    {0x1d552, 0x1d6a5}, {0x1d6a8, 0x1d6c0}, {0x1d6c2, 0x1d6da}, {0x1d6dc, 0x1d6fa},
    {0x1d6fc, 0x1d714}, {0x1d716, 0x1d734}, {0x1d736, 0x1d74e}, {0x1d750, 0x1d76e},
    {0x1d770, 0x1d788}, {0x1d78a, 0x1d7a8}, {0x1d7aa, 0x1d7c2}, {0x1d7c4, 0x1d7cb},
    {0x1d7ce, 0x1d7ff}, {0x1da00, 0x1da36}, {0x1da3b, 0x1da6c}, {0x1da75, 0x1da75},
    {0x1da84, 0x1da84}, {0x1da9b, 0x1da9f}, {0x1daa1, 0x1daaf}, {0x1e000, 0x1e006},
    {0x1e008, 0x1e018}, {0x1e01b, 0x1e021}, {0x1e023, 0x1e024}, {0x1e026, 0x1e02a},
    {0x1e100, 0x1e12c}, {0x1e130, 0x1e13d}, {0x1e140, 0x1e149}, {0x1e14e, 0x1e14e},
    {0x1e2c0, 0x1e2f9}, {0x1e800, 0x1e8c4}, {0x1e8d0, 0x1e8d6}, {0x1e900, 0x1e94b},
    {0x1e950, 0x1e959}, {0x1ee00, 0x1ee03}, {0x1ee05, 0x1ee1f}, {0x1ee21, 0x1ee22},
    {0x1ee24, 0x1ee24}, {0x1ee27, 0x1ee27}, {0x1ee29, 0x1ee32}, {0x1ee34, 0x1ee37},
    {0x1ee39, 0x1ee39}, {0x1ee3b, 0x1ee3b}, {0x1ee42, 0x1ee42}, {0x1ee47, 0x1ee47},
    {0x1ee49, 0x1ee49}, {0x1ee4b, 0x1ee4b}, {0x1ee4d, 0x1ee4f}, {0x1ee51, 0x1ee52},
    {0x1ee54, 0x1ee54}, {0x1ee57, 0x1ee57}, {0x1ee59, 0x1ee59}, {0x1ee5b, 0x1ee5b},
    {0x1ee5d, 0x1ee5d}, {0x1ee5f, 0x1ee5f}, {0x1ee61, 0x1ee62}, {0x1ee64, 0x1ee64},
    {0x1ee67, 0x1ee6a}, {0x1ee6c, 0x1ee72}, {0x1ee74, 0x1ee77}, {0x1ee79, 0x1ee7c},
    {0x1ee7e, 0x1ee7e}, {0x1ee80, 0x1ee89}, {0x1ee8b, 0x1ee9b}, {0x1eea1, 0x1eea3},
    {0x1eea5, 0x1eea9}, {0x1eeab, 0x1eebb}, {0x1fbf0, 0x1fbf9}, {0x20000, 0x2a6dd},
    {0x2a700, 0x2b734}, {0x2b740, 0x2b81d}, {0x2b820, 0x2cea1}, {0x2ceb0, 0x2ebe0},
    {0x2f800, 0x2fa1d}, {0x30000, 0x3134a}, {0xe0100, 0xe01ef},
};

#define CJS_NONE SIZE_MAX

typedef struct cjs_open {
    size_t before; /* the significant character before the opener (CJS_NONE at the start) */
    bool cls;      /* a `{` that opens a class body */
} cjs_open;

/* A list of unique strings (their bytes live in cjs_lx.buf), with a hash index. Each entry may
 * carry a second string (`val`): the var-to-specifier map uses it. */
typedef struct cjs_ent {
    size_t off, len;
    size_t val_off, val_len;
    uint32_t hash;
} cjs_ent;

typedef struct cjs_set {
    cjs_ent *ents;
    size_t count, cap;
    uint32_t *index; /* entry number + 1, 0 = free; tcap slots, a power of two */
    size_t tcap;
} cjs_set;

typedef struct cjs_lx {
    const uint8_t *s;
    size_t n;
    size_t last;      /* the last significant character (CJS_NONE: none yet) */
    bool last_div;    /* the last `/` seen was a division (so a `/` after it starts a regex) */
    bool next_class;  /* the next `{` opens a class body */
    size_t word_start, word_end; /* the last word scanned */
    size_t prev_last; /* `last` before that word */
    cjs_open *stack; /* `(`, `{` and `${` alike: closers are not matched to their kind */
    size_t depth, stack_cap;
    size_t tmpl_depth; /* the depth just inside the innermost `${` (0: none) */
    size_t *tmpl_stack; /* enclosing tmpl_depth values */
    size_t tmpl_count, tmpl_cap;
    char *buf; /* the bytes of every name and specifier */
    size_t buf_len, buf_cap;
    cjs_set exports, unsafe, reexports, vars;
    bool oom;
    const char *error;
    size_t error_pos;
} cjs_lx;

/* ---- characters ---- */

/* Bit 1: JS whitespace as the lexer knows it (NBSP is handled as a two-byte sequence). Bit 2:
 * a punctuator that ends a word for keyword purposes. Bit 4: a word character (ASCII identifier
 * parts and every non-ASCII byte). */
enum { CC_WS = 1, CC_PUNCT = 2, CC_WORD = 4, CC_STR = 8 };

static const uint8_t cjs_cc[256] = {
    ['\t'] = CC_WS, ['\n'] = CC_WS | CC_STR, ['\v'] = CC_WS, ['\f'] = CC_WS,
    ['\r'] = CC_WS | CC_STR, [' '] = CC_WS, ['\''] = CC_STR, ['"'] = CC_STR, ['\\'] = CC_STR,
    ['!'] = CC_PUNCT, ['%'] = CC_PUNCT, ['&'] = CC_PUNCT, ['('] = CC_PUNCT, [')'] = CC_PUNCT,
    ['*'] = CC_PUNCT, ['+'] = CC_PUNCT, [','] = CC_PUNCT, ['-'] = CC_PUNCT, ['/'] = CC_PUNCT,
    [':'] = CC_PUNCT, [';'] = CC_PUNCT, ['<'] = CC_PUNCT, ['='] = CC_PUNCT, ['>'] = CC_PUNCT,
    ['?'] = CC_PUNCT, ['['] = CC_PUNCT, [']'] = CC_PUNCT, ['^'] = CC_PUNCT, ['{'] = CC_PUNCT,
    ['|'] = CC_PUNCT, ['}'] = CC_PUNCT, ['~'] = CC_PUNCT,
    ['$'] = CC_WORD, ['_'] = CC_WORD,
    ['0'] = CC_WORD, ['1'] = CC_WORD, ['2'] = CC_WORD, ['3'] = CC_WORD, ['4'] = CC_WORD,
    ['5'] = CC_WORD, ['6'] = CC_WORD, ['7'] = CC_WORD, ['8'] = CC_WORD, ['9'] = CC_WORD,
#define CJS_R4(x) [x] = CC_WORD, [x + 1] = CC_WORD, [x + 2] = CC_WORD, [x + 3] = CC_WORD
#define CJS_R16(x) CJS_R4(x), CJS_R4(x + 4), CJS_R4(x + 8), CJS_R4(x + 12)
    CJS_R16('A'), CJS_R4('Q'), CJS_R4('U'), ['Y'] = CC_WORD, ['Z'] = CC_WORD,
    CJS_R16('a'), CJS_R4('q'), CJS_R4('u'), ['y'] = CC_WORD, ['z'] = CC_WORD,
    /* 0xc2 is left out: it may start a NBSP, which is not a word character. */
    CJS_R16(0x80), CJS_R16(0x90), CJS_R16(0xa0), CJS_R16(0xb0), [0xc0] = CC_WORD, [0xc1] = CC_WORD,
    [0xc3] = CC_WORD,
    CJS_R4(0xc4), CJS_R4(0xc8), CJS_R4(0xcc), CJS_R16(0xd0), CJS_R16(0xe0), CJS_R16(0xf0),
#undef CJS_R16
#undef CJS_R4
};

static bool cjs_nbsp(const uint8_t *s, size_t n, size_t i) {
    return s[i] == 0xc2 && i + 1 < n && s[i + 1] == 0xa0;
}

/* Whether s[i] belongs to a word (an ASCII identifier part or a non-ASCII byte, NBSP aside). */
static bool cjs_word_byte(const uint8_t *s, size_t n, size_t i) {
    return (cjs_cc[s[i]] & CC_WORD) || (s[i] == 0xc2 && !cjs_nbsp(s, n, i));
}

/* Whether the character ending at s[i] separates words for keyword detection: whitespace, NBSP
 * or a punctuator other than `.`. */
static bool cjs_boundary(const uint8_t *s, size_t i) {
    if (cjs_cc[s[i]] & (CC_WS | CC_PUNCT)) {
        return true;
    }
    return s[i] == 0xa0 && i > 0 && s[i - 1] == 0xc2;
}

static bool cjs_in_ranges(const uint32_t (*r)[2], size_t n, uint32_t cp) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < r[mid][0]) {
            hi = mid;
        } else if (cp > r[mid][1]) {
            lo = mid + 1;
        } else {
            return true;
        }
    }
    return false;
}

/* Decodes one UTF-8 scalar value at s[i]; returns its length, or 0 when the bytes are not
 * well-formed UTF-8 (overlong forms, surrogates and values above U+10FFFF included). */
static size_t cjs_utf8(const uint8_t *s, size_t n, size_t i, uint32_t *cp) {
    uint8_t c = s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2, v = c & 0x1f, min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3, v = c & 0x0f, min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n - i < len) {
        return 0;
    }
    for (size_t k = 1; k < len; k++) {
        if ((s[i + k] & 0xc0) != 0x80) {
            return 0;
        }
        v = (v << 6) | (s[i + k] & 0x3f);
    }
    if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
        return 0;
    }
    *cp = v;
    return len;
}

static bool cjs_id_start_cp(uint32_t cp) {
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '$' || cp == '_';
    }
    return cjs_in_ranges(cjs_id_start, sizeof(cjs_id_start) / sizeof(cjs_id_start[0]), cp);
}

static bool cjs_id_continue_cp(uint32_t cp) {
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
               cp == '$' || cp == '_';
    }
    return cjs_in_ranges(cjs_id_continue, sizeof(cjs_id_continue) / sizeof(cjs_id_continue[0]),
                         cp);
}

/* An identifier at s[p] (no `\` escapes): returns its end, or p when there is none. */
static size_t cjs_ident(const uint8_t *s, size_t n, size_t p) {
    size_t i = p;
    while (i < n) {
        uint32_t cp;
        size_t l = cjs_utf8(s, n, i, &cp);
        if (l == 0 || !(i == p ? cjs_id_start_cp(cp) : cjs_id_continue_cp(cp))) {
            break;
        }
        i += l;
    }
    return i;
}

/* ---- whitespace and comments ---- */

static size_t cjs_line_end(const uint8_t *s, size_t n, size_t i) {
    while (i < n && s[i] != '\n' && s[i] != '\r') {
        i++;
    }
    return i;
}

/* With s[i] just after `/ *`: the index after the closing `* /`, or n. */
static size_t cjs_block_end(const uint8_t *s, size_t n, size_t i) {
    while (i + 1 < n) {
        const uint8_t *star = memchr(s + i, '*', n - 1 - i);
        if (star == NULL) {
            return n;
        }
        i = (size_t)(star - s);
        if (s[i + 1] == '/') {
            return i + 2;
        }
        i++;
    }
    return n;
}

/* Skips whitespace and comments from s[p]. */
static size_t cjs_ws(const uint8_t *s, size_t n, size_t p) {
    while (p < n) {
        uint8_t c = s[p];
        if (cjs_cc[c] & CC_WS) {
            p++;
        } else if (cjs_nbsp(s, n, p)) {
            p += 2;
        } else if (c == '/' && p + 1 < n && s[p + 1] == '/') {
            p = cjs_line_end(s, n, p + 2);
        } else if (c == '/' && p + 1 < n && s[p + 1] == '*') {
            p = cjs_block_end(s, n, p + 2);
        } else {
            break;
        }
    }
    return p;
}

/* Whether s[p..] starts with `lit` (no check of what follows). */
static bool cjs_lit(const uint8_t *s, size_t n, size_t p, const char *lit, size_t len) {
    return p <= n && n - p >= len && memcmp(s + p, lit, len) == 0;
}
#define CJS_LIT(s, n, p, lit) cjs_lit(s, n, p, lit, sizeof(lit) - 1)

/* Matches `lit` at s[p] after whitespace: returns the index after it, or CJS_NONE. */
static size_t cjs_tok(const uint8_t *s, size_t n, size_t p, const char *lit, size_t len) {
    if (p == CJS_NONE) {
        return CJS_NONE;
    }
    p = cjs_ws(s, n, p);
    return cjs_lit(s, n, p, lit, len) ? p + len : CJS_NONE;
}
#define CJS_TOK(p, lit) cjs_tok(s, n, p, lit, sizeof(lit) - 1)

/* ---- the name store ---- */

static bool cjs_reserve(cjs_lx *lx, size_t extra) {
    if (lx->oom) {
        return false;
    }
    if (lx->buf_cap - lx->buf_len >= extra) {
        return true;
    }
    size_t cap = lx->buf_cap ? lx->buf_cap : 256;
    while (cap - lx->buf_len < extra) {
        if (cap > SIZE_MAX / 2) {
            lx->oom = true;
            return false;
        }
        cap *= 2;
    }
    char *nb = realloc(lx->buf, cap);
    if (nb == NULL) {
        lx->oom = true;
        return false;
    }
    lx->buf = nb;
    lx->buf_cap = cap;
    return true;
}

static uint32_t cjs_hash(const char *p, size_t len) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h = (h ^ (uint8_t)p[i]) * 16777619u;
    }
    return h;
}

static bool cjs_set_grow_index(cjs_lx *lx, cjs_set *set) {
    size_t tcap = set->tcap ? set->tcap * 2 : 16;
    while (tcap < set->count * 2 + 2) {
        tcap *= 2;
    }
    uint32_t *index = calloc(tcap, sizeof(*index));
    if (index == NULL) {
        lx->oom = true;
        return false;
    }
    for (size_t i = 0; i < set->count; i++) {
        size_t slot = set->ents[i].hash & (tcap - 1);
        while (index[slot] != 0) {
            slot = (slot + 1) & (tcap - 1);
        }
        index[slot] = (uint32_t)(i + 1);
    }
    free(set->index);
    set->index = index;
    set->tcap = tcap;
    return true;
}

/* The entry holding buf[off, off + len), or NULL. */
static cjs_ent *cjs_set_find(cjs_lx *lx, cjs_set *set, size_t off, size_t len, uint32_t h) {
    if (set->tcap == 0) {
        return NULL;
    }
    size_t slot = h & (set->tcap - 1);
    while (set->index[slot] != 0) {
        cjs_ent *e = &set->ents[set->index[slot] - 1];
        if (e->hash == h && e->len == len && memcmp(lx->buf + e->off, lx->buf + off, len) == 0) {
            return e;
        }
        slot = (slot + 1) & (set->tcap - 1);
    }
    return NULL;
}

/* Adds buf[off, off + len) (already stored) unless present; returns the entry or NULL (also
 * when out of memory). */
static cjs_ent *cjs_set_add(cjs_lx *lx, cjs_set *set, size_t off, size_t len) {
    uint32_t h = cjs_hash(lx->buf + off, len);
    cjs_ent *e = cjs_set_find(lx, set, off, len, h);
    if (e != NULL) {
        return e;
    }
    if (set->count >= UINT32_MAX - 1) {
        lx->oom = true;
        return NULL;
    }
    if (set->count == set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 8;
        cjs_ent *ne = realloc(set->ents, cap * sizeof(*ne));
        if (ne == NULL) {
            lx->oom = true;
            return NULL;
        }
        set->ents = ne;
        set->cap = cap;
    }
    if ((set->count + 1) * 2 > set->tcap && !cjs_set_grow_index(lx, set)) {
        return NULL;
    }
    e = &set->ents[set->count++];
    e->off = off;
    e->len = len;
    e->val_off = e->val_len = 0;
    e->hash = h;
    size_t slot = h & (set->tcap - 1);
    while (set->index[slot] != 0) {
        slot = (slot + 1) & (set->tcap - 1);
    }
    set->index[slot] = (uint32_t)set->count;
    return e;
}

static void cjs_set_clear(cjs_set *set) {
    set->count = 0;
    free(set->index);
    set->index = NULL;
    set->tcap = 0;
}

static void cjs_set_free(cjs_set *set) {
    free(set->ents);
    free(set->index);
    memset(set, 0, sizeof(*set));
}

/* Copies s[p, e) into the store; returns its offset or CJS_NONE. */
static size_t cjs_store(cjs_lx *lx, const uint8_t *src, size_t len) {
    if (!cjs_reserve(lx, len)) {
        return CJS_NONE;
    }
    size_t off = lx->buf_len;
    memcpy(lx->buf + off, src, len);
    lx->buf_len += len;
    return off;
}

/* ---- string literals ---- */

static int cjs_hex(uint8_t c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

typedef struct cjs_dec {
    cjs_lx *lx;
    uint32_t high; /* a pending high surrogate from an escape */
    bool bad;
} cjs_dec;

static void cjs_dec_cp(cjs_dec *d, uint32_t cp) {
    if (d->high != 0 || d->bad || !cjs_reserve(d->lx, 4)) {
        d->bad = true;
        return;
    }
    uint8_t *o = (uint8_t *)d->lx->buf + d->lx->buf_len;
    size_t l;
    if (cp < 0x80) {
        o[0] = (uint8_t)cp, l = 1;
    } else if (cp < 0x800) {
        o[0] = (uint8_t)(0xc0 | (cp >> 6)), o[1] = (uint8_t)(0x80 | (cp & 0x3f)), l = 2;
    } else if (cp < 0x10000) {
        o[0] = (uint8_t)(0xe0 | (cp >> 12)), o[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f));
        o[2] = (uint8_t)(0x80 | (cp & 0x3f)), l = 3;
    } else {
        o[0] = (uint8_t)(0xf0 | (cp >> 18)), o[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3f));
        o[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f)), o[3] = (uint8_t)(0x80 | (cp & 0x3f)), l = 4;
    }
    d->lx->buf_len += l;
}

/* A UTF-16 code unit (or code point) written with an escape: surrogates must pair up. */
static void cjs_dec_unit(cjs_dec *d, uint32_t u) {
    if (d->high != 0) {
        if (u >= 0xdc00 && u <= 0xdfff) {
            uint32_t cp = 0x10000 + ((d->high - 0xd800) << 10) + (u - 0xdc00);
            d->high = 0;
            cjs_dec_cp(d, cp);
        } else {
            d->bad = true;
        }
        return;
    }
    if (u >= 0xd800 && u <= 0xdbff) {
        d->high = u;
    } else if (u >= 0xdc00 && u <= 0xdfff) {
        d->bad = true;
    } else {
        cjs_dec_cp(d, u);
    }
}

/* Scans the string literal that starts at s[p] (a quote); returns the index after its closing
 * quote, or CJS_NONE when it is unterminated. With `lx`, also decodes it into the store at
 * lx->buf_len (not committed: the caller advances buf_len past it or not) and sets *ok to
 * whether the value is well-formed (valid escapes, paired surrogates, valid UTF-8). */
static size_t cjs_string(cjs_lx *lx, const uint8_t *s, size_t n, size_t p, size_t *start,
                         bool *ok) {
    uint8_t q = s[p];
    size_t i = p + 1;
    if (lx == NULL) {
        for (;;) {
            while (i < n && !(cjs_cc[s[i]] & CC_STR)) {
                i++;
            }
            if (i < n && s[i] != q && (s[i] == '"' || s[i] == '\'')) {
                i++;
                continue;
            }
            if (i >= n || s[i] == '\n' || s[i] == '\r') {
                return CJS_NONE;
            }
            if (s[i] == q) {
                return i + 1;
            }
            i++; /* `\` */
            if (i >= n) {
                return CJS_NONE;
            }
            i += (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
        }
    }
    size_t base = lx->buf_len;
    cjs_dec d = {lx, 0, false};
    *start = base;
    for (;;) {
        if (i >= n) {
            lx->buf_len = base;
            return CJS_NONE;
        }
        uint8_t c = s[i];
        if (c == q) {
            i++;
            break;
        }
        if (c == '\n' || c == '\r') {
            lx->buf_len = base;
            return CJS_NONE;
        }
        if (c != '\\') {
            uint32_t cp;
            size_t l = cjs_utf8(s, n, i, &cp);
            if (l == 0) {
                d.bad = true;
                i++;
            } else {
                cjs_dec_cp(&d, cp);
                i += l;
            }
            continue;
        }
        i++;
        if (i >= n) {
            lx->buf_len = base;
            return CJS_NONE;
        }
        c = s[i];
        switch (c) {
        case 'n': cjs_dec_cp(&d, '\n'), i++; break;
        case 't': cjs_dec_cp(&d, '\t'), i++; break;
        case 'r': cjs_dec_cp(&d, '\r'), i++; break;
        case 'b': cjs_dec_cp(&d, '\b'), i++; break;
        case 'f': cjs_dec_cp(&d, '\f'), i++; break;
        case 'v': cjs_dec_cp(&d, '\v'), i++; break;
        case '\r':
            i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
            if (d.high) {
                d.bad = true;
            }
            break;
        case '\n':
            i++;
            if (d.high) {
                d.bad = true;
            }
            break;
        case 'x': {
            int h1 = i + 1 < n ? cjs_hex(s[i + 1]) : -1;
            int h2 = i + 2 < n ? cjs_hex(s[i + 2]) : -1;
            if (h1 < 0 || h2 < 0) {
                d.bad = true;
                i++;
            } else {
                cjs_dec_cp(&d, (uint32_t)(h1 * 16 + h2));
                i += 3;
            }
            break;
        }
        case 'u': {
            i++;
            uint32_t v = 0;
            if (i < n && s[i] == '{') {
                size_t k = i + 1;
                size_t digits = 0;
                while (k < n && cjs_hex(s[k]) >= 0) {
                    v = v * 16 + (uint32_t)cjs_hex(s[k]);
                    if (v > 0x10ffff) {
                        v = 0x110000;
                    }
                    digits++;
                    k++;
                }
                if (digits == 0 || k >= n || s[k] != '}' || v > 0x10ffff) {
                    d.bad = true;
                    break;
                }
                i = k + 1;
            } else {
                int k;
                for (k = 0; k < 4; k++) {
                    int h = i + (size_t)k < n ? cjs_hex(s[i + (size_t)k]) : -1;
                    if (h < 0) {
                        break;
                    }
                    v = v * 16 + (uint32_t)h;
                }
                if (k < 4) {
                    d.bad = true;
                    break;
                }
                i += 4;
            }
            if (v > 0xffff) {
                cjs_dec_cp(&d, v);
            } else {
                cjs_dec_unit(&d, v);
            }
            break;
        }
        default:
            if (c >= '0' && c <= '7') {
                uint32_t v = (uint32_t)(c - '0');
                size_t max = c <= '3' ? 3 : 2;
                size_t k = 1;
                while (k < max && i + k < n && s[i + k] >= '0' && s[i + k] <= '7') {
                    v = v * 8 + (uint32_t)(s[i + k] - '0');
                    k++;
                }
                cjs_dec_cp(&d, v);
                i += k;
            } else {
                uint32_t cp;
                size_t l = cjs_utf8(s, n, i, &cp);
                if (l == 0) {
                    d.bad = true;
                    i++;
                } else if (cp == 0x2028 || cp == 0x2029) {
                    i += l; /* line continuation */
                    if (d.high) {
                        d.bad = true;
                    }
                } else {
                    cjs_dec_cp(&d, cp);
                    i += l;
                }
            }
            break;
        }
        if (d.bad) {
            /* Keep scanning to the closing quote, but decode nothing more. */
            while (i < n && s[i] != q && s[i] != '\n' && s[i] != '\r') {
                if (s[i] == '\\') {
                    i++;
                    if (i < n && s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') {
                        i++;
                    }
                }
                i++;
            }
            if (i >= n || s[i] != q) {
                lx->buf_len = base;
                return CJS_NONE;
            }
            i++;
            break;
        }
    }
    *ok = !d.bad && d.high == 0 && !lx->oom;
    return i;
}

/* A string literal at s[p] (after whitespace) decoded into the store, uncommitted: returns the
 * index after it and sets *off / *len, or CJS_NONE when there is no well-formed string. */
static size_t cjs_str_tok(cjs_lx *lx, size_t p, size_t *off, size_t *len) {
    const uint8_t *s = lx->s;
    size_t n = lx->n;
    if (p == CJS_NONE) {
        return CJS_NONE;
    }
    p = cjs_ws(s, n, p);
    if (p >= n || (s[p] != '"' && s[p] != '\'')) {
        return CJS_NONE;
    }
    size_t base = lx->buf_len;
    bool ok = false;
    size_t e = cjs_string(lx, s, n, p, off, &ok);
    if (e == CJS_NONE || !ok) {
        lx->buf_len = base;
        return CJS_NONE;
    }
    *len = lx->buf_len - base;
    lx->buf_len = base;
    return e;
}

/* Commits a string decoded by cjs_str_tok (it must be the last thing decoded). */
static size_t cjs_commit(cjs_lx *lx, size_t off, size_t len) {
    lx->buf_len = off + len;
    return off;
}

static void cjs_add(cjs_lx *lx, cjs_set *set, size_t off, size_t len) {
    size_t before = lx->buf_len;
    cjs_ent *e = cjs_set_add(lx, set, off, len);
    if (e != NULL && e->off != off && off + len == before) {
        lx->buf_len = off; /* a duplicate: drop the copy just stored */
    }
}

static void cjs_add_src(cjs_lx *lx, cjs_set *set, size_t p, size_t e) {
    size_t off = cjs_store(lx, lx->s + p, e - p);
    if (off != CJS_NONE) {
        cjs_add(lx, set, off, e - p);
    }
}

static void cjs_add_str(cjs_lx *lx, cjs_set *set, size_t off, size_t len) {
    cjs_commit(lx, off, len);
    cjs_add(lx, set, off, len);
}

/* ---- the scanner ---- */

static int cjs_fail(cjs_lx *lx, const char *msg, size_t pos) {
    if (lx->error == NULL) {
        lx->error = msg;
        lx->error_pos = pos;
    }
    return JSP_CJS_ESYNTAX;
}

static bool cjs_push(cjs_lx *lx, bool cls) {
    if (lx->depth + 1 >= lx->stack_cap) {
        size_t cap = lx->stack_cap ? lx->stack_cap * 2 : 64;
        cjs_open *ns = realloc(lx->stack, cap * sizeof(*ns));
        if (ns == NULL) {
            lx->oom = true;
            return false;
        }
        for (size_t k = lx->stack_cap; k < cap; k++) {
            ns[k].before = CJS_NONE;
            ns[k].cls = false;
        }
        lx->stack = ns;
        lx->stack_cap = cap;
    }
    cjs_open *o = &lx->stack[lx->depth++];
    o->before = lx->last;
    o->cls = cls;
    return true;
}

/* Whether the word ending at s[end - 1] is `kw` (a suffix match, as the lexer does). */
static bool cjs_ends_with(const uint8_t *s, size_t end, const char *kw, size_t len) {
    return end != CJS_NONE && end + 1 >= len && memcmp(s + end + 1 - len, kw, len) == 0;
}
#define CJS_ENDS(s, end, kw) cjs_ends_with(s, end, kw, sizeof(kw) - 1)

/* `(`...`)` followed by `/`: a regex after `if (...)`, `while (...)`, `for (...)`. */
static bool cjs_paren_keyword(const uint8_t *s, size_t before) {
    return CJS_ENDS(s, before, "if") || CJS_ENDS(s, before, "while") || CJS_ENDS(s, before, "for");
}

/* `{`...`}` followed by `/`: a regex when the brace was a block. */
static bool cjs_block_brace(const uint8_t *s, size_t before) {
    if (before == CJS_NONE) {
        return false;
    }
    switch (s[before]) {
    case ')':
    case ';':
        return true;
    case '>':
        return before > 0 && s[before - 1] == '=';
    default:
        return CJS_ENDS(s, before, "else") || CJS_ENDS(s, before, "finally") ||
               CJS_ENDS(s, before, "catch");
    }
}

/* Whether s[a, b) is `kw`. */
static bool cjs_word_is(const uint8_t *s, size_t a, size_t b, const char *kw, size_t len) {
    return b - a == len && memcmp(s + a, kw, len) == 0;
}
#define CJS_WORD(kw) cjs_word_is(s, a, b, kw, sizeof(kw) - 1)

/* A word before `/`: keywords after which an expression (so a regex) starts. */
static bool cjs_expression_keyword(const cjs_lx *lx) {
    const uint8_t *s = lx->s;
    size_t a = lx->word_start, b = lx->word_end;
    if (b != lx->last + 1) {
        return false;
    }
    bool bnd = a > 0 && cjs_boundary(s, a - 1);
    switch (b - a) {
    case 2:
        return (CJS_WORD("in") || CJS_WORD("do")) && (a == 0 || bnd);
    case 3:
        return CJS_WORD("new") && (a == 0 || bnd);
    case 4:
        if (CJS_WORD("case") || CJS_WORD("else")) {
            return a == 0 || bnd;
        }
        return CJS_WORD("void") && bnd;
    case 5:
        return (CJS_WORD("throw") || CJS_WORD("yield") || CJS_WORD("await")) && bnd;
    case 6:
        return (CJS_WORD("return") || CJS_WORD("typeof") || CJS_WORD("delete")) && bnd;
    case 8:
        return CJS_WORD("debugger") && bnd;
    case 10:
        return CJS_WORD("instanceof") && bnd;
    default:
        return false;
    }
}

static bool cjs_regex_allowed(const cjs_lx *lx) {
    const uint8_t *s = lx->s;
    size_t l = lx->last;
    if (l == CJS_NONE) {
        return true;
    }
    uint8_t c = s[l];
    switch (c) {
    case ')':
    case '}': {
        /* The slot just above the open ones holds the opener closed last at this depth (node's
         * lexer reads it even when a pattern consumed the closing character itself). */
        const cjs_open *o = lx->depth < lx->stack_cap ? &lx->stack[lx->depth] : NULL;
        if (o == NULL) {
            return false;
        }
        return c == ')' ? cjs_paren_keyword(s, o->before)
                        : (o->cls || cjs_block_brace(s, o->before));
    }
    case '.':
        return !(l > 0 && s[l - 1] >= '0' && s[l - 1] <= '9');
    case '+':
    case '-':
        return !(l > 0 && s[l - 1] == c);
    case '/':
        return lx->last_div;
    case ']':
        return false;
    default:
        if (cjs_cc[c] & CC_PUNCT) {
            return true;
        }
        if (cjs_cc[c] & CC_WORD) {
            return cjs_expression_keyword(lx);
        }
        return false;
    }
}

/* With s[i] just after the opening `/`: the index of the closing `/`, or CJS_NONE. */
static size_t cjs_regex(const uint8_t *s, size_t n, size_t i) {
    while (i < n) {
        uint8_t c = s[i];
        if (c == '/') {
            return i;
        }
        if (c == '\\') {
            i += 2;
        } else if (c == '[') {
            i++;
            while (i < n && s[i] != ']') {
                if (s[i] == '\\') {
                    i++;
                } else if (s[i] == '\n' || s[i] == '\r') {
                    return CJS_NONE;
                }
                i++;
            }
            if (i >= n) {
                return CJS_NONE;
            }
            i++;
        } else if (c == '\n' || c == '\r') {
            return CJS_NONE;
        } else {
            i++;
        }
    }
    return CJS_NONE;
}

/* Scans template characters from s[i]; returns the index after the closing backtick or after
 * a `${` (pushed), or CJS_NONE when the template is unterminated. */
static size_t cjs_template(cjs_lx *lx, size_t i) {
    const uint8_t *s = lx->s;
    size_t n = lx->n;
    while (i < n) {
        uint8_t c = s[i];
        if (c == '`') {
            lx->last = i;
            return i + 1;
        }
        if (c == '\\') {
            i += 2;
        } else if (c == '$' && i + 1 < n && s[i + 1] == '{') {
            lx->last = i + 1;
            if (lx->tmpl_count == lx->tmpl_cap) {
                size_t cap = lx->tmpl_cap ? lx->tmpl_cap * 2 : 16;
                size_t *nt = realloc(lx->tmpl_stack, cap * sizeof(*nt));
                if (nt == NULL) {
                    lx->oom = true;
                    return CJS_NONE;
                }
                lx->tmpl_stack = nt;
                lx->tmpl_cap = cap;
            }
            lx->tmpl_stack[lx->tmpl_count++] = lx->tmpl_depth;
            if (!cjs_push(lx, false)) {
                return CJS_NONE;
            }
            lx->tmpl_depth = lx->depth;
            return i + 2;
        } else {
            i++;
        }
    }
    return CJS_NONE;
}

/* ---- the detection patterns (look-ahead only: the scanner never skips what they read) ---- */

/* `exports` or `module.exports` after whitespace: the index after it, or CJS_NONE. */
static size_t cjs_exports_id(const uint8_t *s, size_t n, size_t p) {
    if (p == CJS_NONE) {
        return CJS_NONE;
    }
    p = cjs_ws(s, n, p);
    if (CJS_LIT(s, n, p, "exports")) {
        return p + 7;
    }
    if (CJS_LIT(s, n, p, "module")) {
        return CJS_TOK(CJS_TOK(p + 6, "."), "exports");
    }
    return CJS_NONE;
}

/* The text s[a, b) (an identifier seen before) after whitespace: the index after it or
 * CJS_NONE. Like node's lexer this is a prefix match: what follows is not checked. */
static size_t cjs_same_id(const uint8_t *s, size_t n, size_t p, size_t a, size_t b) {
    if (p == CJS_NONE) {
        return CJS_NONE;
    }
    p = cjs_ws(s, n, p);
    return cjs_lit(s, n, p, (const char *)s + a, b - a) ? p + (b - a) : CJS_NONE;
}

/* An optional `;` after whitespace. */
static size_t cjs_opt_semi(const uint8_t *s, size_t n, size_t p) {
    if (p == CJS_NONE) {
        return CJS_NONE;
    }
    size_t q = cjs_ws(s, n, p);
    return (q < n && s[q] == ';') ? q + 1 : p;
}

/* `'want'` or `"want"` written literally (no escapes) after whitespace. */
static size_t cjs_str_is(cjs_lx *lx, size_t p, const char *want) {
    const uint8_t *s = lx->s;
    size_t n = lx->n, len = strlen(want);
    if (p == CJS_NONE) {
        return CJS_NONE;
    }
    p = cjs_ws(s, n, p);
    if (p >= n || (s[p] != '\'' && s[p] != '"') || !cjs_lit(s, n, p + 1, want, len)) {
        return CJS_NONE;
    }
    /* Node's lexer accepts whitespace (even comments) between the word and the quote that
     * ends the literal. */
    size_t e = cjs_string(NULL, s, n, p, NULL, NULL);
    if (e == CJS_NONE || cjs_ws(s, n, p + 1 + len) != e - 1) {
        return CJS_NONE;
    }
    return e;
}

/* `require ( 'x' )`: returns the index after `)` with the specifier decoded (uncommitted). */
static size_t cjs_require(cjs_lx *lx, size_t p, size_t *off, size_t *len) {
    const uint8_t *s = lx->s;
    size_t n = lx->n;
    p = CJS_TOK(CJS_TOK(p, "require"), "(");
    p = cjs_str_tok(lx, p, off, len);
    return CJS_TOK(p, ")");
}

/* After `exports` / `module.exports`: `.name =` or `['name'] =`. */
static void cjs_try_member(cjs_lx *lx, size_t p) {
    const uint8_t *s = lx->s;
    size_t n = lx->n;
    p = cjs_ws(s, n, p);
    if (p >= n) {
        return;
    }
    if (s[p] == '.') {
        size_t a = cjs_ws(s, n, p + 1);
        size_t e = cjs_ident(s, n, a);
        if (e == a) {
            return;
        }
        size_t q = cjs_ws(s, n, e);
        if (q < n && s[q] == '=') {
            cjs_add_src(lx, &lx->exports, a, e);
        }
    } else if (s[p] == '[') {
        size_t off, len;
        size_t e = CJS_TOK(CJS_TOK(cjs_str_tok(lx, p + 1, &off, &len), "]"), "=");
        if (e != CJS_NONE) {
            cjs_add_str(lx, &lx->exports, off, len);
        }
    }
}

/* `module.exports = {` ... : the names of a simple object literal, with `...require('x')`
 * spreads as re-exports; stops at the first property it does not understand. Returns true when
 * the input ends right after the `{` or a `,` (node's lexer then stops without an error). */
static bool cjs_try_literal(cjs_lx *lx, size_t p) {
    const uint8_t *s = lx->s;
    size_t n = lx->n;
    for (;;) {
        if (p >= n) {
            return true;
        }
        p = cjs_ws(s, n, p);
        if (p >= n || s[p] == '}') {
            return false;
        }
        if (CJS_LIT(s, n, p, "...")) {
            p += 3;
            size_t off, len;
            size_t e = CJS_LIT(s, n, p, "require") ? cjs_require(lx, p, &off, &len) : CJS_NONE;
            if (e != CJS_NONE) {
                cjs_add_str(lx, &lx->reexports, off, len);
                p = cjs_ws(s, n, e);
            } else {
                size_t ie = cjs_ident(s, n, p);
                if (ie == p) {
                    return false;
                }
                p = cjs_ws(s, n, ie);
            }
        } else {
            size_t ie = cjs_ident(s, n, p);
            size_t off = 0, len = 0;
            bool is_str = false;
            if (ie == p) {
                if (s[p] != '\'' && s[p] != '"') {
                    return false;
                }
                ie = cjs_str_tok(lx, p, &off, &len);
                if (ie == CJS_NONE) {
                    return false;
                }
                is_str = true;
            }
            size_t q = cjs_ws(s, n, ie);
            if (q < n && s[q] == ':') {
                size_t v = cjs_ws(s, n, q + 1);
                size_t ve = cjs_ident(s, n, v);
                if (ve == v) {
                    return false;
                }
                if (is_str) {
                    cjs_add_str(lx, &lx->exports, off, len);
                } else {
                    cjs_add_src(lx, &lx->exports, p, ie);
                }
                p = ve; /* no whitespace skipped here: `a: b ,` ends the literal */
            } else {
                if (!is_str) {
                    cjs_add_src(lx, &lx->exports, p, ie);
                }
                p = q;
            }
        }
        if (p >= n || s[p] != ',') {
            return false;
        }
        p++;
    }
}

/* After `module`: `.exports` followed by a member assignment or `=`. Returns the end of what
 * node's lexer consumes (`module.exports = require('x')`), or CJS_NONE. */
static size_t cjs_try_module(cjs_lx *lx, size_t p) {
    const uint8_t *s = lx->s;
    size_t n = lx->n;
    p = CJS_TOK(CJS_TOK(p, "."), "exports");
    if (p == CJS_NONE) {
        return CJS_NONE;
    }
    size_t q = cjs_ws(s, n, p);
    if (q >= n) {
        return CJS_NONE;
    }
    if (s[q] == '.' || s[q] == '[') {
        cjs_try_member(lx, q);
        return CJS_NONE;
    }
    if (s[q] != '=') {
        return CJS_NONE;
    }
    /* Only the last `module.exports =` counts for re-exports. */
    cjs_set_clear(&lx->reexports);
    q = cjs_ws(s, n, q + 1);
    if (q < n && s[q] == '{') {
        return cjs_try_literal(lx, q + 1) ? n : CJS_NONE;
    }
    size_t off, len;
    size_t e = cjs_require(lx, q, &off, &len);
    if (e != CJS_NONE) {
        cjs_add_str(lx, &lx->reexports, off, len);
    }
    return e;
}

/* The descriptor of `Object.defineProperty(exports, 'name'` from its `,`: returns the end of
 * the call for a getter returning an identifier or member, 0 for a value (both detected), or
 * CJS_NONE for anything else. */
static size_t cjs_define_desc(cjs_lx *lx, size_t p) {
    const uint8_t *s = lx->s;
    size_t n = lx->n;
    p = CJS_TOK(CJS_TOK(p, ","), "{");
    if (p == CJS_NONE) {
        return CJS_NONE;
    }
    p = cjs_ws(s, n, p);
    if (CJS_LIT(s, n, p, "enumerable")) {
        p = CJS_TOK(CJS_TOK(CJS_TOK(p + 10, ":"), "true"), ",");
        if (p == CJS_NONE) {
            return CJS_NONE;
        }
        p = cjs_ws(s, n, p);
    }
    if (CJS_LIT(s, n, p, "value")) {
        return CJS_TOK(p + 5, ":") != CJS_NONE ? 0 : CJS_NONE;
    }
    if (!CJS_LIT(s, n, p, "get")) {
        return CJS_NONE;
    }
    p = cjs_ws(s, n, p + 3);
    if (p < n && s[p] == ':') {
        p = CJS_TOK(p + 1, "function");
        if (p == CJS_NONE) {
            return CJS_NONE;
        }
        size_t q = cjs_ws(s, n, p);
        if (q < n && s[q] != '(') {
            size_t e = cjs_ident(s, n, q);
            if (q == p || e == q) {
                return CJS_NONE;
            }
            q = e;
        }
        p = q;
    }
    p = CJS_TOK(CJS_TOK(CJS_TOK(CJS_TOK(p, "("), ")"), "{"), "return");
    if (p == CJS_NONE) {
        return CJS_NONE;
    }
    p = cjs_ws(s, n, p);
    size_t e = cjs_ident(s, n, p);
    if (e == p) {
        return CJS_NONE;
    }
    p = cjs_ws(s, n, e);
    if (p < n && s[p] == '.') {
        size_t a = cjs_ws(s, n, p + 1);
        e = cjs_ident(s, n, a);
        if (e == a) {
            return CJS_NONE;
        }
        p = e;
    } else if (p < n && s[p] == '[') {
        size_t off, len;
        p = CJS_TOK(cjs_str_tok(lx, p + 1, &off, &len), "]");
        if (p == CJS_NONE) {
            return CJS_NONE;
        }
    }
    p = CJS_TOK(cjs_opt_semi(s, n, p), "}");
    if (p == CJS_NONE) {
        return CJS_NONE;
    }
    size_t q = cjs_ws(s, n, p);
    if (q < n && s[q] == ',') {
        p = q + 1;
    }
    return CJS_TOK(CJS_TOK(p, "}"), ")");
}

/* After `Object.defineProperty`: returns the end of a matched getter form (node's lexer
 * consumes it), or CJS_NONE. */
static size_t cjs_try_define(cjs_lx *lx, size_t p) {
    const uint8_t *s = lx->s;
    size_t n = lx->n;
    p = CJS_TOK(cjs_exports_id(s, n, CJS_TOK(p, "(")), ",");
    size_t off, len;
    p = cjs_str_tok(lx, p, &off, &len);
    if (p == CJS_NONE) {
        return CJS_NONE;
    }
    cjs_commit(lx, off, len);
    size_t e = cjs_define_desc(lx, p);
    /* A name whose descriptor is not understood is never exported, whatever else says so. */
    cjs_add(lx, e != CJS_NONE ? &lx->exports : &lx->unsafe, off, len);
    return e == 0 ? CJS_NONE : e;
}

/* After `Object.keys` at the top level: Babel's `export *` helper loop. Returns the end of the
 * loop when it matched (node's lexer consumes it), or CJS_NONE. */
static size_t cjs_try_star_lib(cjs_lx *lx, size_t p) {
    const uint8_t *s = lx->s;
    size_t n = lx->n;
    p = CJS_TOK(p, "(");
    if (p == CJS_NONE) {
        return CJS_NONE;
    }
    size_t a1 = cjs_ws(s, n, p), b1 = cjs_ident(s, n, a1);
    if (b1 == a1) {
        return CJS_NONE;
    }
    p = CJS_TOK(CJS_TOK(CJS_TOK(CJS_TOK(CJS_TOK(b1, ")"), "."), "forEach"), "("), "function");
    if (p == CJS_NONE) {
        return CJS_NONE;
    }
    p = CJS_TOK(p, "(");
    if (p == CJS_NONE) {
        return CJS_NONE;
    }
    size_t a2 = cjs_ws(s, n, p), b2 = cjs_ident(s, n, a2);
    if (b2 == a2) {
        return CJS_NONE;
    }
    p = CJS_TOK(CJS_TOK(CJS_TOK(CJS_TOK(b2, ")"), "{"), "if"), "(");
    p = cjs_same_id(s, n, p, a2, b2);
    if (p == CJS_NONE) {
        return CJS_NONE;
    }
    size_t q = cjs_ws(s, n, p);
    if (CJS_LIT(s, n, q, "===")) {
        p = CJS_TOK(cjs_str_is(lx, q + 3, "default"), "||");
        p = CJS_TOK(cjs_same_id(s, n, p, a2, b2), "===");
        p = CJS_TOK(cjs_str_is(lx, p, "__esModule"), ")");
        p = cjs_opt_semi(s, n, CJS_TOK(p, "return"));
    } else if (CJS_LIT(s, n, q, "!==")) {
        p = CJS_TOK(cjs_str_is(lx, q + 3, "default"), ")");
    } else {
        return CJS_NONE;
    }
    if (p == CJS_NONE) {
        return CJS_NONE;
    }
    /* if (Object.prototype.hasOwnProperty.call(_exportNames, key)) return; */
    q = cjs_ws(s, n, p);
    if (CJS_LIT(s, n, q, "if")) {
        size_t r = cjs_ws(s, n, CJS_TOK(q + 2, "("));
        if (r != CJS_NONE && CJS_LIT(s, n, r, "Object")) {
            r = CJS_TOK(CJS_TOK(CJS_TOK(r + 6, "."), "prototype"), ".");
            r = CJS_TOK(CJS_TOK(CJS_TOK(CJS_TOK(r, "hasOwnProperty"), "."), "call"), "(");
            if (r == CJS_NONE) {
                return CJS_NONE;
            }
            r = cjs_ws(s, n, r);
            size_t e = cjs_ident(s, n, r);
            if (e == r) {
                return CJS_NONE;
            }
            r = cjs_same_id(s, n, CJS_TOK(e, ","), a2, b2);
            p = cjs_opt_semi(s, n, CJS_TOK(CJS_TOK(CJS_TOK(r, ")"), ")"), "return"));
            if (p == CJS_NONE) {
                return CJS_NONE;
            }
            q = cjs_ws(s, n, p);
        }
    }
    /* if (key in exports && exports[key] === _x[key]) return; */
    if (CJS_LIT(s, n, q, "if")) {
        /* No whitespace between `(` and the key here. */
        size_t r = CJS_TOK(q + 2, "(");
        r = (r != CJS_NONE && cjs_lit(s, n, r, (const char *)s + a2, b2 - a2)) ? r + (b2 - a2)
                                                                              : CJS_NONE;
        r = CJS_TOK(cjs_exports_id(s, n, CJS_TOK(r, "in ")), "&&");
        r = CJS_TOK(cjs_same_id(s, n, CJS_TOK(cjs_exports_id(s, n, r), "["), a2, b2), "]");
        r = CJS_TOK(cjs_same_id(s, n, CJS_TOK(r, "==="), a1, b1), "[");
        r = CJS_TOK(CJS_TOK(cjs_same_id(s, n, r, a2, b2), "]"), ")");
        p = cjs_opt_semi(s, n, CJS_TOK(r, "return"));
        if (p == CJS_NONE) {
            return CJS_NONE;
        }
        q = cjs_ws(s, n, p);
    }
    if (CJS_LIT(s, n, q, "Object")) {
        p = CJS_TOK(CJS_TOK(CJS_TOK(q + 6, "."), "defineProperty"), "(");
        p = CJS_TOK(cjs_same_id(s, n, CJS_TOK(cjs_exports_id(s, n, p), ","), a2, b2), ",");
        p = CJS_TOK(CJS_TOK(CJS_TOK(CJS_TOK(CJS_TOK(p, "{"), "enumerable"), ":"), "true"), ",");
        p = CJS_TOK(p, "get");
        if (p == CJS_NONE) {
            return CJS_NONE;
        }
        size_t r = cjs_ws(s, n, p);
        if (r < n && s[r] == ':') {
            p = CJS_TOK(r + 1, "function");
            if (p == CJS_NONE) {
                return CJS_NONE;
            }
            r = cjs_ws(s, n, p);
            if (r < n && s[r] != '(') {
                size_t e = cjs_ident(s, n, r);
                if (r == p || e == r) {
                    return CJS_NONE;
                }
                r = e;
            }
            p = r;
        }
        p = CJS_TOK(CJS_TOK(CJS_TOK(CJS_TOK(p, "("), ")"), "{"), "return");
        p = CJS_TOK(cjs_same_id(s, n, p, a1, b1), "[");
        p = cjs_opt_semi(s, n, CJS_TOK(cjs_same_id(s, n, p, a2, b2), "]"));
        p = CJS_TOK(p, "}");
        if (p == CJS_NONE) {
            return CJS_NONE;
        }
        r = cjs_ws(s, n, p);
        if (r < n && s[r] == ',') {
            p = r + 1;
        }
        p = cjs_opt_semi(s, n, CJS_TOK(CJS_TOK(p, "}"), ")"));
    } else {
        p = CJS_TOK(cjs_same_id(s, n, CJS_TOK(cjs_exports_id(s, n, q), "["), a2, b2), "]");
        p = CJS_TOK(cjs_same_id(s, n, CJS_TOK(p, "="), a1, b1), "[");
        p = cjs_opt_semi(s, n, CJS_TOK(cjs_same_id(s, n, p, a2, b2), "]"));
    }
    size_t end = CJS_TOK(CJS_TOK(p, "}"), ")");
    if (end == CJS_NONE) {
        return CJS_NONE;
    }
    size_t off = cjs_store(lx, s + a1, b1 - a1);
    if (off == CJS_NONE) {
        return end;
    }
    cjs_ent *v = cjs_set_find(lx, &lx->vars, off, b1 - a1, cjs_hash(lx->buf + off, b1 - a1));
    lx->buf_len = off;
    if (v != NULL && v->val_len > 0) {
        size_t soff = cjs_store(lx, (const uint8_t *)lx->buf + v->val_off, v->val_len);
        if (soff != CJS_NONE) {
            cjs_add(lx, &lx->reexports, soff, v->val_len);
        }
    }
    return end;
}

/* `require('x')` at the top level (or `_interopRequireWildcard(require('x'))`, the word at s[a]
 * in both cases), preceded on its line by `var _x = ` (`let`, `const`; spaces only): remembers
 * `_x` -> 'x' for cjs_try_star_lib. Returns the end of the `require()` call (node's lexer
 * consumes it) or CJS_NONE. */
static size_t cjs_try_var(cjs_lx *lx, size_t a, size_t req) {
    const uint8_t *s = lx->s;
    size_t n = lx->n;
    size_t off, len;
    size_t end = cjs_require(lx, req, &off, &len);
    if (end == CJS_NONE) {
        return CJS_NONE;
    }
    size_t k = a;
    while (k > 0 && s[k - 1] == ' ') {
        k--;
    }
    if (k == 0 || s[k - 1] != '=') {
        return end;
    }
    k--;
    while (k > 0 && s[k - 1] == ' ') {
        k--;
    }
    size_t id_end = k;
    while (k > 0 && cjs_word_byte(s, n, k - 1) && !(s[k - 1] == 0xa0 && k > 1 && s[k - 2] == 0xc2)) {
        k--;
    }
    size_t id_start = k;
    if (id_start == id_end || cjs_ident(s, n, id_start) != id_end) {
        return end;
    }
    if (k == 0 || s[k - 1] != ' ') {
        return end;
    }
    while (k > 0 && s[k - 1] == ' ') {
        k--;
    }
    if (k == 0 || !(CJS_ENDS(s, k - 1, "var") || CJS_ENDS(s, k - 1, "let") ||
                    CJS_ENDS(s, k - 1, "const"))) {
        return end;
    }
    cjs_commit(lx, off, len);
    size_t koff = cjs_store(lx, s + id_start, id_end - id_start);
    if (koff == CJS_NONE) {
        return end;
    }
    cjs_ent *e = cjs_set_add(lx, &lx->vars, koff, id_end - id_start);
    if (e != NULL) {
        e->val_off = off;
        e->val_len = len;
    }
    return end;
}

/* After `__export` / `__exportStar` at the top level: `(require('x')`. */
static void cjs_try_star(cjs_lx *lx, size_t p) {
    const uint8_t *s = lx->s;
    size_t n = lx->n;
    if (p >= n || s[p] != '(') {
        return;
    }
    p++;
    if (!CJS_LIT(s, n, p, "require")) {
        return;
    }
    size_t off, len;
    p = CJS_TOK(cjs_str_tok(lx, CJS_TOK(p + 7, "("), &off, &len), ")");
    if (p != CJS_NONE) {
        cjs_add_str(lx, &lx->reexports, off, len);
    }
}

/* The length of the character at s[i] (a UTF-8 sequence, or one byte). */
static size_t cjs_char_len(const uint8_t *s, size_t n, size_t i) {
    size_t l = 1;
    while (i + l < n && l < 4 && (s[i + l] & 0xc0) == 0x80 && s[i] >= 0xc0) {
        l++;
    }
    return l;
}

/* A word s[a, b) at the start of which the patterns may begin. Returns where scanning goes on
 * (b, or b + 1 where node's lexer swallows the character after a keyword it half-matched), or
 * CJS_NONE on an ES module statement. */
static size_t cjs_word(cjs_lx *lx, size_t a, size_t b) {
    const uint8_t *s = lx->s;
    size_t n = lx->n;
    /* Keywords must follow whitespace, a punctuator other than `.`, or the start. */
    bool bnd = a == 0 || cjs_boundary(s, a - 1);
    bool top = lx->depth == 0;
    size_t end = CJS_NONE; /* the end of what a matched pattern consumes */
    switch (s[a]) {
    case 'e':
        if (bnd && CJS_WORD("exports")) {
            cjs_try_member(lx, b);
        } else if (bnd && top && CJS_WORD("export") && b < n) {
            if (cjs_boundary(s, b) || s[b] == '.' || cjs_nbsp(s, n, b)) {
                cjs_fail(lx, "Unexpected export statement in CJS module.", a);
                return CJS_NONE;
            }
            lx->last = b;
            return b + cjs_char_len(s, n, b);
        }
        break;
    case 'm':
        if (bnd && CJS_WORD("module")) {
            end = cjs_try_module(lx, b);
        }
        break;
    case 'O':
        if (bnd && CJS_WORD("Object")) {
            size_t q = CJS_TOK(b, ".");
            if (q != CJS_NONE) {
                q = cjs_ws(s, n, q);
                if (CJS_LIT(s, n, q, "defineProperty")) {
                    end = cjs_try_define(lx, q + 14);
                } else if (top && CJS_LIT(s, n, q, "keys")) {
                    end = cjs_try_star_lib(lx, q + 4);
                }
            }
        }
        break;
    case '_':
        if (!top || !(bnd || s[a - 1] == '.') || b >= n) {
            break;
        }
        if (s[b] != '(' && (CJS_WORD("__export") || CJS_WORD("__exportStar") ||
                            CJS_WORD("_interopRequireWildcard"))) {
            lx->last = b;
            return b + cjs_char_len(s, n, b);
        }
        /* These take the `(` themselves, with the token before the word as its opener. */
        if (CJS_WORD("__export") || CJS_WORD("__exportStar")) {
            lx->last = lx->prev_last;
            if (!cjs_push(lx, false)) {
                return CJS_NONE;
            }
            lx->last = b;
            cjs_try_star(lx, b);
            return b + 1;
        } else if (CJS_WORD("_interopRequireWildcard")) {
            /* If no `require('x')` follows, the character after the `(` is swallowed. */
            lx->last = lx->prev_last;
            if (!cjs_push(lx, false)) {
                return CJS_NONE;
            }
            lx->last = b;
            if (!CJS_LIT(s, n, b + 1, "require")) {
                if (b + 1 >= n) {
                    return n;
                }
                lx->last = b + 1;
                return b + 1 + cjs_char_len(s, n, b + 1);
            }
            end = cjs_try_var(lx, a, b + 1);
            if (end == CJS_NONE) {
                return b + 1;
            }
        }
        break;
    case 'r':
        if (top && (bnd || s[a - 1] == '.') && CJS_WORD("require")) {
            end = cjs_try_var(lx, a, a);
        }
        break;
    case 'c':
        if (bnd && CJS_WORD("class") && b < n && ((cjs_cc[s[b]] & CC_WS) || cjs_nbsp(s, n, b))) {
            lx->next_class = true;
        }
        break;
    case 'i':
        if (bnd && top && CJS_WORD("import")) {
            size_t q = cjs_ws(s, n, b);
            uint8_t c = q < n ? s[q] : 0;
            if (c == '(') {
                break; /* a dynamic import */
            }
            if (c == '.') {
                cjs_fail(lx, "Unexpected import.meta in CJS module.", a);
                return CJS_NONE;
            }
            if (q > b || c == '{' || c == '*' || c == '\'' || c == '"') {
                cjs_fail(lx, "Unexpected import statement in CJS module.", a);
                return CJS_NONE;
            }
            if (b < n) {
                lx->last = b;
                return b + cjs_char_len(s, n, b);
            }
        }
        break;
    default:
        break;
    }
    if (end != CJS_NONE) {
        if (end > b && end < n) {
            lx->last = end - 1;
        }
        return end;
    }
    return b;
}

static int cjs_scan(cjs_lx *lx) {
    const uint8_t *s = lx->s;
    size_t n = lx->n;
    size_t i = 0;
    if (n >= 2 && s[0] == '#' && s[1] == '!') {
        i = cjs_line_end(s, n, 2);
    }
    while (i < n) {
        uint8_t c = s[i];
        uint8_t cc = cjs_cc[c];
        if (cc & CC_WORD) {
            goto word;
        }
        if (cc & CC_WS) {
            i++;
            while (n - i >= 4 && (cjs_cc[s[i]] & cjs_cc[s[i + 1]] & cjs_cc[s[i + 2]] &
                                  cjs_cc[s[i + 3]] & CC_WS)) {
                i += 4;
            }
            while (i < n && (cjs_cc[s[i]] & CC_WS)) {
                i++;
            }
            continue;
        }
        switch (c) {
        case '/':
            if (i + 1 < n && s[i + 1] == '/') {
                i = cjs_line_end(s, n, i + 2);
            } else if (i + 1 < n && s[i + 1] == '*') {
                i = cjs_block_end(s, n, i + 2);
            } else if (cjs_regex_allowed(lx)) {
                size_t e = cjs_regex(s, n, i + 1);
                if (e == CJS_NONE) {
                    return cjs_fail(lx, "Syntax error reading regular expression.", i);
                }
                lx->last = e;
                lx->last_div = false;
                i = e + 1;
            } else {
                lx->last = i;
                lx->last_div = true;
                i++;
            }
            continue;
        case '\'':
        case '"': {
            size_t e = cjs_string(NULL, s, n, i, NULL, NULL);
            if (e == CJS_NONE) {
                return cjs_fail(lx, "Unterminated string.", i);
            }
            lx->last = e - 1;
            i = e;
            continue;
        }
        case '`':
            i = cjs_template(lx, i + 1);
            if (i == CJS_NONE) {
                return lx->oom ? JSP_CJS_ENOMEM : cjs_fail(lx, "Unterminated template.", n);
            }
            continue;
        case '(':
        case '{':
            if (!cjs_push(lx, c == '{' && lx->next_class)) {
                return JSP_CJS_ENOMEM;
            }
            if (c == '{') {
                lx->next_class = false;
            }
            lx->last = i++;
            continue;
        case ')':
        case '}': {
            if (lx->depth == 0) {
                return cjs_fail(lx, c == ')' ? "Unexpected closing bracket." : "Unexpected closing brace.", i);
            }
            if (c == '}' && lx->depth == lx->tmpl_depth) {
                /* The end of a `${` substitution: the template goes on. */
                lx->tmpl_depth = lx->tmpl_stack[--lx->tmpl_count];
                lx->depth--;
                i = cjs_template(lx, i + 1);
                if (i == CJS_NONE) {
                    return lx->oom ? JSP_CJS_ENOMEM : cjs_fail(lx, "Unterminated template.", n);
                }
                continue;
            }
            lx->depth--;
            lx->last = i++;
            continue;
        }
        case 0xc2:
            if (cjs_nbsp(s, n, i)) {
                /* Whitespace inside the patterns, but a token of its own here. */
                lx->last = i + 1;
                i += 2;
                continue;
            }
            goto word;
        default:
            lx->last = i++;
            continue;
        }
    word : {
            size_t a = i++;
            for (;;) {
                while (n - i >= 4 && (cjs_cc[s[i]] & cjs_cc[s[i + 1]] & cjs_cc[s[i + 2]] &
                                      cjs_cc[s[i + 3]] & CC_WORD)) {
                    i += 4;
                }
                while (i < n && (cjs_cc[s[i]] & CC_WORD)) {
                    i++;
                }
                if (i < n && s[i] == 0xc2 && !cjs_nbsp(s, n, i)) {
                    i++;
                    continue;
                }
                break;
            }
            lx->word_start = a;
            lx->word_end = i;
            lx->prev_last = lx->last;
            lx->last = i - 1;
            i = cjs_word(lx, a, i);
            if (lx->oom) {
                return JSP_CJS_ENOMEM;
            }
            if (i == CJS_NONE) {
                return JSP_CJS_ESYNTAX;
            }
        }
    }
    if (lx->depth > 0 || lx->tmpl_count > 0) {
        return cjs_fail(lx, lx->tmpl_count ? "Unterminated template." : "Unterminated braces.", n);
    }
    return lx->oom ? JSP_CJS_ENOMEM : 0;
}

static void cjs_lx_free(cjs_lx *lx) {
    free(lx->stack);
    free(lx->tmpl_stack);
    free(lx->buf);
    cjs_set_free(&lx->exports);
    cjs_set_free(&lx->unsafe);
    cjs_set_free(&lx->reexports);
    cjs_set_free(&lx->vars);
}

/* Builds the result block: the string arrays, then the bytes (each NUL-terminated). */
static int cjs_finish(cjs_lx *lx, jsp_cjs_result *out) {
    size_t ne = 0, bytes = 0;
    for (size_t i = 0; i < lx->exports.count; i++) {
        cjs_ent *e = &lx->exports.ents[i];
        if (cjs_set_find(lx, &lx->unsafe, e->off, e->len, e->hash) == NULL) {
            ne++;
            bytes += e->len + 1;
        }
    }
    for (size_t i = 0; i < lx->reexports.count; i++) {
        bytes += lx->reexports.ents[i].len + 1;
    }
    size_t nr = lx->reexports.count;
    size_t head = (ne + nr) * sizeof(jsp_cjs_str);
    char *mem = malloc(head + bytes + 1);
    if (mem == NULL) {
        return JSP_CJS_ENOMEM;
    }
    jsp_cjs_str *arr = (jsp_cjs_str *)(void *)mem;
    char *w = mem + head;
    size_t k = 0;
    for (size_t i = 0; i < lx->exports.count; i++) {
        cjs_ent *e = &lx->exports.ents[i];
        if (cjs_set_find(lx, &lx->unsafe, e->off, e->len, e->hash) != NULL) {
            continue;
        }
        memcpy(w, lx->buf + e->off, e->len);
        w[e->len] = '\0';
        arr[k].str = w;
        arr[k++].len = e->len;
        w += e->len + 1;
    }
    for (size_t i = 0; i < nr; i++) {
        cjs_ent *e = &lx->reexports.ents[i];
        memcpy(w, lx->buf + e->off, e->len);
        w[e->len] = '\0';
        arr[k].str = w;
        arr[k++].len = e->len;
        w += e->len + 1;
    }
    out->mem_ = mem;
    out->exports = arr;
    out->n_exports = ne;
    out->reexports = arr + ne;
    out->n_reexports = nr;
    return 0;
}

int jsp_cjs_exports(const char *src, size_t len, jsp_cjs_result *out) {
    memset(out, 0, sizeof(*out));
    cjs_lx lx;
    memset(&lx, 0, sizeof(lx));
    lx.s = (const uint8_t *)(src ? src : "");
    lx.n = src ? len : 0;
    lx.last = CJS_NONE;
    lx.word_end = CJS_NONE;
    int r = cjs_scan(&lx);
    if (r == 0 && lx.oom) {
        r = JSP_CJS_ENOMEM;
    }
    if (r == 0) {
        r = cjs_finish(&lx, out);
    }
    if (r < 0) {
        out->error = r == JSP_CJS_ENOMEM ? "Out of memory." : lx.error;
        out->error_pos = lx.error_pos;
    }
    cjs_lx_free(&lx);
    return r;
}

void jsp_cjs_result_free(jsp_cjs_result *out) {
    free(out->mem_);
    memset(out, 0, sizeof(*out));
}
