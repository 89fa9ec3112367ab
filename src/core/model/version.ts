/** The product's version as package.json states it (a test keeps the two equal); printed in sheet footers. */
export const PRODUCT_VERSION = '0.1.0';
