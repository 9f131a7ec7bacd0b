// Page screening for classification marks (Z-7.3, Z-6.1, D-10.8).
export * from "./classification-mark.ts";
export * from "./screening-policy.ts";
